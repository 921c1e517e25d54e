package dev.hpo.optimizer.pruning;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One trial's objective after each epoch, as the worker reported it on {@code hpo.progress}: {@code values.get(e - 1)}
 * is epoch {@code e}'s value, NaN where that epoch did not report the metric.
 *
 * @param trialId   the trial
 * @param completed whether the trial ended COMPLETED (ran to its own end, not stopped)
 * @param values    the objective per epoch, first epoch first
 * @param greedy    whether the strategy chose the trial greedily (its posterior mean's maximiser)
 */
public record LearningCurve(String trialId, boolean completed, List<Double> values, boolean greedy) {

    public LearningCurve {
        values = List.copyOf(values);
    }

    /** The curve of a trial not chosen greedily. */
    public LearningCurve(String trialId, boolean completed, List<Double> values) {
        this(trialId, completed, values, false);
    }

    /** Epochs reported. */
    public int epochs() {
        return values.size();
    }

    /** Epoch {@code epoch}'s value (1-based), empty when it was not reported or is not finite. */
    public OptionalDouble at(int epoch) {
        if (epoch < 1 || epoch > values.size() || !Double.isFinite(values.get(epoch - 1))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(values.get(epoch - 1));
    }
}
