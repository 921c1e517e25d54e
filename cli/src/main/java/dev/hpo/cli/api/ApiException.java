package dev.hpo.cli.api;

import java.util.List;

/** The optimizer answered with an error (or could not be reached: status 0), with its field errors. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient List<String> errors;

    public ApiException(int status, String message, List<String> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }
}
