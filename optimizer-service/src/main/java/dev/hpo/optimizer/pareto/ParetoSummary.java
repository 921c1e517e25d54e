package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Pareto set of a multi-objective study's completed trials and its progress measure: the hypervolume of the
 * front after each completed trial, in completion order. Every point of the curve uses the same reference point,
 * the one of all completed trials ({@link Objectives#reference}), so the curve never decreases.
 *
 * @param front       the non-dominated trials, in completion order
 * @param reference   the oriented reference point
 * @param hypervolume the hypervolume of the front
 * @param progress    the hypervolume after the first 1, 2, … completed trials (one entry per trial given, also
 *                    for one that lacks an objective metric and so leaves the front as it was), computed
 *                    incrementally ({@link HypervolumeCurve})
 * @param <T>         the trial type
 */
public record ParetoSummary<T>(List<T> front, double[] reference, double hypervolume, List<Double> progress) {

    /**
     * The summary of {@code completed} (in completion order); trials lacking one of the objective metrics are
     * left out.
     */
    public static <T> ParetoSummary<T> of(Objectives objectives, List<T> completed,
                                          Function<T, Map<String, Double>> metrics) {
        List<T> trials = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        List<Optional<double[]>> vectors = completed.stream().map(t -> objectives.orient(metrics.apply(t))).toList();
        for (int i = 0; i < completed.size(); i++) {
            if (vectors.get(i).isPresent()) {
                trials.add(completed.get(i));
                points.add(vectors.get(i).get());
            }
        }
        double[] reference = objectives.reference(points);
        List<Double> progress = HypervolumeCurve.of(vectors, reference);
        List<T> set = ParetoFront.nonDominated(points).stream().map(trials::get).toList();
        return new ParetoSummary<>(set, reference, progress.isEmpty() ? 0 : progress.get(progress.size() - 1),
                progress);
    }
}
