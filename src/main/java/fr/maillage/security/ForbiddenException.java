package fr.maillage.security;

/** Refused: the same message whether the target exists or not, so nothing leaks. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException() {
        super("Accès refusé : votre rôle ou votre territoire ne permet pas cette opération.");
    }
}
