package dev.hpo.common.study;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bound a trial's metric must respect for the trial to count as feasible ({@code constraints} in a spec):
 * {@code min <= metrics[metric] <= max}, either bound optional but not both.
 *
 * @param min the smallest allowed value, or null for none
 * @param max the largest allowed value, or null for none
 */
public record OutcomeConstraint(String metric, Double min, Double max) {

    public OutcomeConstraint {
        Objects.requireNonNull(metric, "metric");
        if (min == null && max == null) {
            throw new IllegalArgumentException("constraint on " + metric + " needs min or max");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("constraint on " + metric + ": min (" + min + ") > max (" + max + ")");
        }
    }

    /** Whether {@code value} lies within the bounds; a missing (null) or non-finite value does not. */
    public boolean holds(Double value) {
        return value != null && Double.isFinite(value) && (min == null || value >= min) && (max == null || value <= max);
    }

    /** Whether {@code metrics} respect every one of {@code constraints} (true for none); a missing metric does not. */
    public static boolean allHold(List<OutcomeConstraint> constraints, Map<String, Double> metrics) {
        return constraints.stream().allMatch(c -> c.holds(metrics.get(c.metric())));
    }

    /** As a reader writes it: {@code val_precision >= 0.75}, {@code 0.1 <= x <= 0.2}. */
    @Override
    public String toString() {
        if (min != null && max != null) {
            return min + " <= " + metric + " <= " + max;
        }
        return min != null ? metric + " >= " + min : metric + " <= " + max;
    }
}
