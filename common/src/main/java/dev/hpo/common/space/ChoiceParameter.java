package dev.hpo.common.space;

import java.util.List;
import java.util.Optional;

/** A categorical parameter over numbers, strings or booleans. */
public record ChoiceParameter(String name, List<Object> values, Optional<Condition> when) implements Parameter {

    public ChoiceParameter {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        for (Object v : values) {
            if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                throw new IllegalArgumentException("values must be numbers, strings or booleans, got " + v);
            }
        }
        values = List.copyOf(values);
    }

    public ChoiceParameter(String name, List<Object> values) {
        this(name, values, Optional.empty());
    }

    /** Position of {@code value} among the values, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (Values.same(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object value) {
        return indexOf(value) >= 0;
    }
}
