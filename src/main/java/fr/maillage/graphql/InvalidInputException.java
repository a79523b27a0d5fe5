package fr.maillage.graphql;

/** A request argument that cannot be served: the message names the field and says why, in French for the user. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(field + " : " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
