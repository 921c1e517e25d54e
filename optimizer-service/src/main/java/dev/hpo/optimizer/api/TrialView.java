package dev.hpo.optimizer.api;

import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;
import dev.hpo.optimizer.study.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A trial as the REST API shows it.
 *
 * @param feasible whether the completed trial respects the study's outcome constraints; null when the study has
 *                 none or the trial has not completed
 * @param pareto   whether the trial is in a multi-objective study's Pareto set; null in a study of one objective
 */
public record TrialView(String trialId, int number, int attempt, TrialState status, Map<String, Object> params,
                        Map<String, Double> metrics, Double objective, int epochs, long durationMs, String worker,
                        String device, String error, String artifact, Instant issuedAt, Instant startedAt,
                        Instant finishedAt, java.util.List<Map<String, Double>> curve, Boolean feasible,
                        Boolean pareto) {

    /** The view of {@code t} without its Pareto membership. */
    static TrialView of(Study s, Trial t) {
        return of(s, t, null);
    }

    /** The view of {@code t}; {@code paretoIds} are the trials of the Pareto set, null for one objective. */
    static TrialView of(Study s, Trial t, Set<String> paretoIds) {
        String metric = s.spec().objective().metric();
        return new TrialView(t.trialId(), t.number(), t.attempt(), t.state(), t.params(), t.metrics(),
                t.objective(metric).isPresent() ? t.objective(metric).getAsDouble() : null, t.epochs(),
                t.durationMs(), t.worker(), t.device(), t.error(), t.artifact(), t.issuedAt(), t.startedAt(),
                t.finishedAt(), t.curve(), s.feasible(t), paretoIds == null ? null : paretoIds.contains(t.trialId()));
    }
}
