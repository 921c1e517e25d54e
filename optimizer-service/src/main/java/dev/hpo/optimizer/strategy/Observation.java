package dev.hpo.optimizer.strategy;

import java.util.Map;

/**
 * A finished evaluation: the configuration and its objective value (already averaged over repeats), in the
 * metric's own units; the direction is in {@link StudyHistory}.
 */
public record Observation(Map<String, Object> params, double value) {

    public Observation {
        params = Map.copyOf(params);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value (" + value + ") must be finite");
        }
    }
}
