package fr.maillage.exports;

/** What an export names does not exist (a territory in the path): 404, naming the parameter. */
public class NotFoundException extends RuntimeException {

    private final String parameter;

    public NotFoundException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
