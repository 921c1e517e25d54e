package dev.hpo.optimizer.pruning;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Asynchronous successive halving, stopping variant (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020, algorithm 2; as in Optuna's {@code SuccessiveHalvingPruner}). Rungs sit at
 * {@code r_k = minEpochs · η^k} epochs, {@code k = 0, 1, ...}. When a trial reports epoch {@code r_k}, its objective
 * at that epoch joins the values recorded at rung {@code k} by every trial that reached it so far (itself
 * included, in any state); with {@code n} values there, the trial goes on only if its value is at least as good as
 * the {@code max(1, ⌊n/η⌋)}-th best, that is, if it is in the top {@code 1/η} of the rung. ASHA promotes
 * asynchronously, without waiting for a rung to fill; a trial is never resumed once stopped, so the stopping variant
 * lets it go on or ends it. Unlike Optuna's default (no bootstrap), no trial is stopped at a rung holding fewer than
 * {@code minTrials} values: the first trials would otherwise be judged against one or two others.
 *
 * <p>Between rungs the rule says nothing: a trial is judged {@code log_η(maxEpochs/minEpochs) + 1} times at most.
 *
 * <p>A greedy trial (the surrogate's posterior-mean maximiser, {@link LearningCurve#greedy}) is never stopped, though
 * its values count at the rungs for the others: judged like any other, nearly all of them were stopped at the first
 * rung, and judged from the second rung on, most there; on the demo exempting them lost less validation recall than
 * either, for fewer epochs saved (docs/benchmarks.md, "Greedy trials and the stopping rules").
 */
public final class Asha implements StoppingRule {

    private final Goal goal;
    private final int minEpochs;
    private final int minTrials;
    private final int reductionFactor;

    /**
     * @param metric          the objective's name, for the reasons given
     * @param maximize        whether larger values are better
     * @param minEpochs       the first rung, >= 1
     * @param minTrials       the fewest values a rung must hold before it stops anyone, >= 1
     * @param reductionFactor η, >= 2: the top 1/η of a rung go on, and rungs are η times apart
     */
    public Asha(String metric, boolean maximize, int minEpochs, int minTrials, int reductionFactor) {
        this.goal = new Goal(metric, maximize);
        this.minEpochs = Goal.atLeast("minEpochs", minEpochs, 1);
        this.minTrials = Goal.atLeast("minTrials", minTrials, 1);
        this.reductionFactor = Goal.atLeast("reductionFactor", reductionFactor, 2);
    }

    /** The rung an epoch is, or -1 when it is none. */
    int rung(int epoch) {
        long r = minEpochs;
        for (int k = 0; r <= epoch; k++, r *= reductionFactor) {
            if (r == epoch) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public Optional<String> judge(LearningCurve trial, Collection<LearningCurve> others) {
        int epoch = trial.epochs();
        int rung = rung(epoch);
        OptionalDouble value = trial.at(epoch);
        if (rung < 0 || value.isEmpty() || trial.greedy()) {
            return Optional.empty();
        }
        Comparator<Double> bestFirst = goal.maximize() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<Double> recorded = Stream.concat(Stream.of(trial), others.stream()
                        .filter(o -> !o.trialId().equals(trial.trialId())))
                .map(c -> c.at(epoch)).filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble)
                .sorted(bestFirst).toList();
        if (recorded.size() < minTrials) {
            return Optional.empty();
        }
        int promoted = Math.max(1, recorded.size() / reductionFactor);
        double bar = recorded.get(promoted - 1);
        if (!goal.better(bar, value.getAsDouble())) {
            return Optional.empty();
        }
        return Optional.of("asha: " + goal.metric() + " " + Goal.format(value.getAsDouble()) + " at rung " + rung
                + " (epoch " + epoch + ") is not in the top " + promoted + " of the " + recorded.size()
                + " values recorded there (bar " + Goal.format(bar) + ", reduction factor " + reductionFactor + ")");
    }
}
