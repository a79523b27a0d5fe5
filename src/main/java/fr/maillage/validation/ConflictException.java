package fr.maillage.validation;

/**
 * A write that met another one changing the same data at the same time and gave way: nothing of it was written, and
 * sending it again once the data is read anew is safe. Answered as a CONFLICT, in French for the user.
 */
public class ConflictException extends RuntimeException {

    /** What the user reads when nothing more precise can be said. */
    public static final String MESSAGE = "Ces données ont été modifiées en même temps par une autre personne :"
            + " rechargez-les et réessayez.";

    private final String field;

    /** {@code field}: the argument naming what changed meanwhile, or null. */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
