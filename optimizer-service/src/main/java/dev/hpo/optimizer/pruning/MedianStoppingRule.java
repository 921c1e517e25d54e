package dev.hpo.optimizer.pruning;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The median stopping rule (Golovin et al., "Google Vizier: A Service for Black-Box Optimization", KDD 2017,
 * section 3.2.2; Katib's {@code medianstop} and Optuna's {@code MedianPruner} follow it): a trial {@code t} is
 * stopped at epoch {@code s} when its best objective so far, {@code best_{i<=s} y_t(i)}, is strictly worse than the
 * median of the running averages {@code ō_τ(1:s) = (1/|S_τ|) Σ_{i in S_τ} y_τ(i)} of the completed trials
 * {@code τ}, where {@code S_τ} is the epochs {@code <= s} that {@code τ} reported (all of its epochs when it ended
 * before {@code s}).
 *
 * <p>Only COMPLETED trials are compared against, as in Vizier and Optuna: a stopped trial's curve was cut because it
 * was poor, and letting it into the median would lower the bar for the next ones. No trial is judged before epoch
 * {@code minEpochs} (the first epochs of every curve are noisy) or against fewer than {@code minTrials} completed
 * trials (the median of a handful is no median). The rule is conservative by construction, comparing a trial's best
 * with the others' averages, so it stops clearly poor trials only.
 *
 * <p>A greedy trial (the surrogate's posterior-mean maximiser, {@link LearningCurve#greedy}) is judged from epoch
 * {@code max(minEpochs, }{@value #GREEDY_MIN_EPOCHS}{@code )} on: from epoch 1 the rule stopped most of them there, the
 * very trials the search refines with; on the demo, judged from epoch 3 they cost less validation recall than from
 * epoch 1, and as little as never judging them, for more epochs saved (docs/benchmarks.md, "Greedy trials and the
 * stopping rules").
 */
public final class MedianStoppingRule implements StoppingRule {

    /** The first epoch at which a greedy trial may be stopped (ASHA's second rung with its defaults; not tuned). */
    static final int GREEDY_MIN_EPOCHS = 3;

    private final Goal goal;
    private final int minEpochs;
    private final int minTrials;

    /**
     * @param metric    the objective's name, for the reasons given
     * @param maximize  whether larger values are better
     * @param minEpochs the first epoch at which a trial may be stopped, >= 1
     * @param minTrials the fewest completed trials the median is taken over, >= 1
     */
    public MedianStoppingRule(String metric, boolean maximize, int minEpochs, int minTrials) {
        this.goal = new Goal(metric, maximize);
        this.minEpochs = Goal.atLeast("minEpochs", minEpochs, 1);
        this.minTrials = Goal.atLeast("minTrials", minTrials, 1);
    }

    @Override
    public Optional<String> judge(LearningCurve trial, Collection<LearningCurve> others) {
        int s = trial.epochs();
        OptionalDouble best = best(trial, s);
        if (s < (trial.greedy() ? Math.max(minEpochs, GREEDY_MIN_EPOCHS) : minEpochs) || best.isEmpty()) {
            return Optional.empty();
        }
        double[] averages = others.stream().filter(o -> o.completed() && !o.trialId().equals(trial.trialId()))
                .map(o -> runningAverage(o, s)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).toArray();
        if (averages.length < minTrials) {
            return Optional.empty();
        }
        double median = median(averages);
        if (!goal.better(median, best.getAsDouble())) {
            return Optional.empty();
        }
        return Optional.of("median stopping rule: best " + goal.metric() + " " + Goal.format(best.getAsDouble())
                + " by epoch " + s + " is worse than " + Goal.format(median) + ", the median of " + averages.length
                + " completed trials' running averages over epochs 1.." + s);
    }

    /** The trial's best value over its first {@code s} epochs. */
    private OptionalDouble best(LearningCurve curve, int s) {
        OptionalDouble best = OptionalDouble.empty();
        for (int e = 1; e <= s; e++) {
            OptionalDouble v = curve.at(e);
            if (v.isPresent() && (best.isEmpty() || goal.better(v.getAsDouble(), best.getAsDouble()))) {
                best = v;
            }
        }
        return best;
    }

    /** The mean of the values a curve reported over epochs 1..s; empty when it reported none. */
    static OptionalDouble runningAverage(LearningCurve curve, int s) {
        double sum = 0;
        int n = 0;
        for (int e = 1; e <= Math.min(s, curve.epochs()); e++) {
            OptionalDouble v = curve.at(e);
            if (v.isPresent()) {
                sum += v.getAsDouble();
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    /** The median; of an even count, the mean of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
