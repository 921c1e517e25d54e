package dev.hpo.common.study;

import java.util.List;
import java.util.stream.Collectors;

/** A study spec was refused; carries every problem found, not just the first. */
public class InvalidSpecException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSpecException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
