package dev.hpo.optimizer.strategy;

import java.util.Map;

/**
 * A finished evaluation: the configuration, its objective value (already averaged over repeats) in the metric's
 * own units, and every metric the trial reported (for constraints and further objectives); the direction and those
 * goals are in {@link StudyHistory}.
 */
public record Observation(Map<String, Object> params, double value, Map<String, Double> metrics) {

    public Observation {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value (" + value + ") must be finite");
        }
    }

    /** An observation of the objective alone. */
    public Observation(Map<String, Object> params, double value) {
        this(params, value, Map.of());
    }
}
