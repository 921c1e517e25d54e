package dev.hpo.optimizer.api;

import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;
import dev.hpo.optimizer.study.TrialState;
import java.time.Instant;
import java.util.Map;

/**
 * A trial as the REST API shows it.
 *
 * @param feasible whether the completed trial respects the study's outcome constraints; null when the study has
 *                 none or the trial has not completed
 */
public record TrialView(String trialId, int number, int attempt, TrialState status, Map<String, Object> params,
                        Map<String, Double> metrics, Double objective, int epochs, long durationMs, String worker,
                        String device, String error, String artifact, Instant issuedAt, Instant startedAt,
                        Instant finishedAt, java.util.List<Map<String, Double>> curve, Boolean feasible) {

    static TrialView of(Study s, Trial t) {
        String metric = s.spec().objective().metric();
        return new TrialView(t.trialId(), t.number(), t.attempt(), t.state(), t.params(), t.metrics(),
                t.objective(metric).isPresent() ? t.objective(metric).getAsDouble() : null, t.epochs(),
                t.durationMs(), t.worker(), t.device(), t.error(), t.artifact(), t.issuedAt(), t.startedAt(), t.finishedAt(), t.curve(),
                s.feasible(t));
    }
}
