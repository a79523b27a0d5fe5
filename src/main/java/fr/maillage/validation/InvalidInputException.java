package fr.maillage.validation;

import java.util.List;

/**
 * Arguments that cannot be served: each problem names the field and says why, in French for the user. Thrown before
 * anything is written, or inside the transaction that is then rolled back.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(String field, String reason) {
        this(List.of(new Problem(field, reason)));
    }

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).reduce((a, b) -> a + " ; " + b).orElse("entrée invalide"));
        this.problems = List.copyOf(problems);
    }

    public String field() {
        return problems.get(0).field();
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field + " : " + reason;
        }
    }
}
