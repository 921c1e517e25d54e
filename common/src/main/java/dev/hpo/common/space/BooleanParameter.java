package dev.hpo.common.space;

import java.util.Optional;

/** A true/false parameter. */
public record BooleanParameter(String name, Optional<Condition> when) implements Parameter {

    public BooleanParameter(String name) {
        this(name, Optional.empty());
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Boolean;
    }
}
