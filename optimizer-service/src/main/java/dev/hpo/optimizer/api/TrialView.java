package dev.hpo.optimizer.api;

import dev.hpo.optimizer.study.Trial;
import dev.hpo.optimizer.study.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A trial as the REST API shows it.
 *
 * @param pareto whether the trial is in a multi-objective study's Pareto set; null in a study of one objective
 */
public record TrialView(String trialId, int number, int attempt, TrialState status, Map<String, Object> params,
                        Map<String, Double> metrics, Double objective, int epochs, long durationMs, String worker,
                        String device, String error, String artifact, Instant issuedAt, Instant startedAt,
                        Instant finishedAt, java.util.List<Map<String, Double>> curve,
                        Boolean pareto) {

    static TrialView of(Trial t, String metric) {
        return of(t, metric, null);
    }

    /** The view of {@code t}; {@code paretoIds} are the trials of the Pareto set, null for one objective. */
    static TrialView of(Trial t, String metric, Set<String> paretoIds) {
        return new TrialView(t.trialId(), t.number(), t.attempt(), t.state(), t.params(), t.metrics(),
                t.objective(metric).isPresent() ? t.objective(metric).getAsDouble() : null, t.epochs(),
                t.durationMs(), t.worker(), t.device(), t.error(), t.artifact(), t.issuedAt(), t.startedAt(), t.finishedAt(), t.curve(),
                paretoIds == null ? null : paretoIds.contains(t.trialId()));
    }
}
