package dev.hpo.common.message;

import java.time.Instant;
import java.util.Map;

/**
 * {@code hpo.progress/v1}: a worker took a trial ({@code RUNNING}) or finished one of its epochs
 * ({@code EPOCH}, with that epoch's training and validation metrics); keyed by studyId.
 *
 * @param epoch 1-based, null for RUNNING
 */
public record ProgressMessage(String schema, String studyId, String trialId, int attempt, String worker,
                              ProgressState state, Integer epoch, Map<String, Double> metrics, Instant at) {

    public static final String SCHEMA = "hpo.progress/v1";

    public static ProgressMessage running(String studyId, String trialId, int attempt, String worker, Instant at) {
        return new ProgressMessage(SCHEMA, studyId, trialId, attempt, worker, ProgressState.RUNNING, null, Map.of(), at);
    }

    public static ProgressMessage epoch(String studyId, String trialId, int attempt, String worker, int epoch,
                                        Map<String, Double> metrics, Instant at) {
        return new ProgressMessage(SCHEMA, studyId, trialId, attempt, worker, ProgressState.EPOCH, epoch, metrics, at);
    }
}
