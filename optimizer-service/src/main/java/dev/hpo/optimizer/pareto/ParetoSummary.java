package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Pareto set of a multi-objective study's completed trials, its hypervolume, its progress measure (the
 * hypervolume of the front after each completed trial, in completion order) and the member that stands for it
 * ({@link ParetoChoice}). Every point of the curve uses the same reference point, the one of all the trials
 * measured ({@link Objectives#reference}), so the curve never decreases.
 *
 * @param <T> the trial type
 */
public final class ParetoSummary<T> {

    private final Objectives objectives;
    private final List<T> front;
    private final List<double[]> frontPoints;
    private final double[] reference;
    private final double hypervolume;
    private final List<Optional<double[]>> sequence;

    private ParetoSummary(Objectives objectives, List<T> front, List<double[]> frontPoints, double[] reference,
                          List<Optional<double[]>> sequence) {
        this.objectives = objectives;
        this.front = front;
        this.frontPoints = frontPoints;
        this.reference = reference;
        this.hypervolume = Hypervolume.of(frontPoints, reference);
        this.sequence = sequence;
    }

    /** The summary of every trial of {@code completed} (in completion order) that reports each objective. */
    public static <T> ParetoSummary<T> of(Objectives objectives, List<T> completed,
                                          Function<T, Map<String, Double>> metrics) {
        return of(objectives, completed, metrics, t -> true);
    }

    /**
     * The summary of the trials of {@code completed} (in completion order) that are {@code eligible} (feasible)
     * and report each objective; the others leave the front as it was.
     */
    public static <T> ParetoSummary<T> of(Objectives objectives, List<T> completed,
                                          Function<T, Map<String, Double>> metrics, Predicate<T> eligible) {
        List<T> trials = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        List<Optional<double[]>> sequence = new ArrayList<>(completed.size());
        for (T t : completed) {
            Optional<double[]> v = eligible.test(t) ? objectives.orient(metrics.apply(t)) : Optional.empty();
            sequence.add(v);
            if (v.isPresent()) {
                trials.add(t);
                points.add(v.get());
            }
        }
        List<Integer> onFront = ParetoFront.nonDominated(points);
        return new ParetoSummary<>(objectives, onFront.stream().map(trials::get).toList(),
                onFront.stream().map(points::get).toList(), objectives.reference(points), sequence);
    }

    /** The non-dominated trials, in completion order. */
    public List<T> front() {
        return front;
    }

    /** The oriented reference point. */
    public double[] reference() {
        return reference.clone();
    }

    /** The hypervolume of the front. */
    public double hypervolume() {
        return hypervolume;
    }

    /**
     * The hypervolume after the first 1, 2, … trials given (one entry per trial, also for one that is not eligible
     * or lacks an objective and so leaves the front as it was), computed incrementally ({@link HypervolumeCurve}).
     */
    public List<Double> progress() {
        return HypervolumeCurve.of(sequence, reference);
    }

    /**
     * The member of the front that stands for it ({@link ParetoChoice}): the best by {@code select}, a metric of
     * the objectives, or when null the one nearest to the ideal point; empty while the front is.
     *
     * @throws IllegalArgumentException when {@code select} is not one of the objectives' metrics
     */
    public Optional<ParetoChoice<T>> choose(String select) {
        int index = -1;
        if (select != null) {
            index = objectives.objectives().stream().map(o -> o.metric()).toList().indexOf(select);
            if (index < 0) {
                throw new IllegalArgumentException(select + " is not one of the objectives " + objectives.objectives());
            }
        }
        return ParetoChoice.of(front, frontPoints, index);
    }
}
