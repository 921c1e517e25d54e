package dev.hpo.common.study;

/**
 * One problem with an input: the dotted path of the field, the offending value (null when missing) and what
 * is wrong, rendered as {@code searchSpace.neurons1.min (70) must be <= max (60)}.
 */
public record FieldError(String field, Object value, String message) {

    @Override
    public String toString() {
        return value == null ? field + " " + message : field + " (" + value + ") " + message;
    }
}
