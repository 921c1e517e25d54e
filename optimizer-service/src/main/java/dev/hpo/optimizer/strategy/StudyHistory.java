package dev.hpo.optimizer.strategy;

import dev.hpo.common.study.Objective;
import dev.hpo.common.study.OutcomeConstraint;
import java.util.List;
import java.util.Map;

/**
 * What a strategy may know of a study: completed observations, configurations still in flight, and
 * configurations that failed (they count against the budget and are never proposed again, but carry no
 * value for a surrogate).
 *
 * @param maximize whether larger objective values are better
 * @param prior    observations of earlier studies in a compatible space ({@code warmStartFrom}): they inform a
 *                 surrogate as completed trials do, but are not trials of this study and may be proposed again
 * @param objectives  a multi-objective study's objectives, the first being the one of {@link Observation#value()}
 *                    (read from {@link Observation#metrics()}); empty for a study of one objective
 * @param constraints bounds on metrics (read from {@link Observation#metrics()}) that a configuration must respect
 *                    to be feasible
 */
public record StudyHistory(List<Observation> completed, List<Map<String, Object>> pending,
                           List<Map<String, Object>> failed, boolean maximize, List<Observation> prior,
                           List<Objective> objectives, List<OutcomeConstraint> constraints) {

    public StudyHistory {
        completed = List.copyOf(completed);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        prior = List.copyOf(prior);
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    /** A history of one objective without constraints. */
    public StudyHistory(List<Observation> completed, List<Map<String, Object>> pending,
                        List<Map<String, Object>> failed, boolean maximize, List<Observation> prior) {
        this(completed, pending, failed, maximize, prior, List.of(), List.of());
    }

    /** A history without warm start. */
    public StudyHistory(List<Observation> completed, List<Map<String, Object>> pending,
                        List<Map<String, Object>> failed, boolean maximize) {
        this(completed, pending, failed, maximize, List.of());
    }

    /** What a surrogate learns from: the prior observations, then the completed trials. */
    public List<Observation> observations() {
        return java.util.stream.Stream.concat(prior.stream(), completed.stream()).toList();
    }

    public static StudyHistory empty(boolean maximize) {
        return new StudyHistory(List.of(), List.of(), List.of(), maximize);
    }

    /** Every configuration already proposed: completed, pending and failed. */
    public List<Map<String, Object>> seen() {
        return java.util.stream.Stream.of(completed.stream().map(Observation::params), pending.stream(),
                failed.stream()).flatMap(s -> s).toList();
    }
}
