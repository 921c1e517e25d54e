package dev.hpo.optimizer.api;

import dev.hpo.common.study.Direction;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;
import dev.hpo.optimizer.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison-ready summary of one study ({@code GET /api/studies/{id}/report}): what was run and how long
 * it took, the best (feasible) configuration, the final refit's development and test metrics, and the best-so-far curve
 * in the order trials finished (what a user waiting for the study saw).
 *
 * @param trialsRun   trials that ended (completed, failed or pruned), the refit excluded
 * @param best        the best (feasible) trial; of a multi-objective study the member of the Pareto set that
 *                    {@code bestChoice} names, the one the final refit trains
 * @param totalEpochs epochs trained by every trial and the refit
 * @param bestSoFar   one point per completed trial, in finishing order
 * @param objectives  a multi-objective study's objectives with the hypervolume reference in use; null otherwise
 * @param paretoSet   a multi-objective study's Pareto set of its completed feasible trials; null otherwise
 * @param hypervolume the Pareto set's hypervolume; null for one objective
 * @param hypervolumeSoFar a multi-objective study's progress: one point per completed trial, in finishing order,
 *                    with the hypervolume of the front so far (same reference point throughout); null otherwise
 * @param bestChoice  how a multi-objective study's best trial, and so the final refit, was chosen from its Pareto
 *                    set; null for one objective or while the set is empty
 */
public record StudyReport(String studyId, String name, String strategy, String status, String objective,
                          String direction, int maxTrials, Long gridSize, long trialsRun, long completed, long failed,
                          double wallTimeSeconds, long totalEpochs, TrialView best, TrialView refit,
                          List<Point> bestSoFar, List<ParetoViews.ObjectiveView> objectives,
                          List<ParetoViews.ParetoTrial> paretoSet, Double hypervolume,
                          List<HypervolumePoint> hypervolumeSoFar, ParetoViews.BestChoice bestChoice) {

    /**
     * A point of the best-so-far curve.
     *
     * @param trials         trials finished so far (1-based)
     * @param elapsedSeconds since the study was created
     * @param value          this trial's objective
     * @param best           the best objective of a feasible trial so far; null before the first feasible one
     * @param feasible       whether this trial respects the outcome constraints; null when the study has none
     */
    public record Point(int trials, int number, double elapsedSeconds, double value, Double best, Boolean feasible) {
    }

    /**
     * A point of the hypervolume curve.
     *
     * @param trials         trials finished so far (1-based, failed ones included)
     * @param elapsedSeconds since the study was created
     * @param hypervolume    of the Pareto front of the trials completed so far
     */
    public record HypervolumePoint(int trials, int number, double elapsedSeconds, double hypervolume) {
    }

    public static StudyReport of(Study s, Instant now) {
        String metric = s.spec().objective().metric();
        Direction direction = s.spec().objective().direction();
        List<Trial> ended = s.trials().stream().filter(t -> !t.state().inFlight())
                .sorted(Comparator.comparing(Trial::finishedAt)).toList();
        List<Point> curve = new ArrayList<>();
        Double best = null;
        int finished = 0;
        for (Trial t : ended) {
            finished++;
            if (t.objective(metric).isEmpty()) {
                continue;
            }
            double v = t.objective(metric).getAsDouble();
            Boolean feasible = s.feasible(t);
            if (feasible == null || feasible) {
                best = best == null || direction.better(v, best) ? Double.valueOf(v) : best;
            }
            curve.add(new Point(finished, t.number(), seconds(s.createdAt(), t.finishedAt()), v, best, feasible));
        }
        Optional<ParetoViews.Summary> pareto = ParetoViews.summary(s);
        long epochs = s.trials().stream().mapToLong(Trial::epochs).sum() + s.refit().map(Trial::epochs).orElse(0);
        Instant end = s.endedAt() != null ? s.endedAt() : now;
        return new StudyReport(s.id(), s.spec().name(), s.spec().strategy().type().name().toLowerCase(),
                s.status().name(), metric, direction.json(), s.spec().budget().maxTrials(),
                s.strategy().size().isPresent() ? s.strategy().size().getAsLong() : null, ended.size(),
                s.count(TrialState.COMPLETED), s.count(TrialState.FAILED), seconds(s.createdAt(), end), epochs,
                ParetoViews.best(s, pareto).map(t -> TrialView.of(s, t)).orElse(null),
                s.refit().map(t -> TrialView.of(s, t)).orElse(null), curve,
                pareto.map(p -> ParetoViews.objectives(s, p)).orElse(null),
                pareto.map(p -> ParetoViews.paretoSet(s, p)).orElse(null),
                pareto.map(p -> p.pareto().hypervolume()).orElse(null),
                pareto.map(p -> hypervolumeCurve(s, ended, p)).orElse(null),
                pareto.map(p -> ParetoViews.bestChoice(s, p)).orElse(null));
    }

    /** The hypervolume after each completed trial, numbered by the trials ended by then. */
    private static List<HypervolumePoint> hypervolumeCurve(Study s, List<Trial> ended, ParetoViews.Summary pareto) {
        Map<Trial, Integer> endedAs = new HashMap<>();
        for (int i = 0; i < ended.size(); i++) {
            endedAs.put(ended.get(i), i + 1);
        }
        List<Trial> completed = s.completedInOrder();
        List<Double> progress = pareto.pareto().progress();
        List<HypervolumePoint> out = new ArrayList<>();
        for (int i = 0; i < completed.size() && i < progress.size(); i++) {
            Trial t = completed.get(i);
            out.add(new HypervolumePoint(endedAs.get(t), t.number(), seconds(s.createdAt(), t.finishedAt()),
                    progress.get(i)));
        }
        return out;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
