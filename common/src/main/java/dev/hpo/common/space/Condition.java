package dev.hpo.common.space;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parameter's activation condition: every named parameter must be active and take one of the listed
 * values ({@code when: {optimizer: lion}} or {@code when: {optimizer: [adam, nadam]}}).
 *
 * @param equals parameter name to the values that activate the conditioned parameter
 */
public record Condition(Map<String, List<Object>> equals) {

    public Condition {
        Objects.requireNonNull(equals, "equals");
        equals = Map.copyOf(equals);
    }

    /** Whether the condition holds for the given assignment of (active) parameters. */
    public boolean holds(Map<String, Object> assignment) {
        for (Map.Entry<String, List<Object>> e : equals.entrySet()) {
            Object actual = assignment.get(e.getKey());
            if (actual == null || e.getValue().stream().noneMatch(v -> Values.same(v, actual))) {
                return false;
            }
        }
        return true;
    }
}
