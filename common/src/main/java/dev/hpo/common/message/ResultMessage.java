package dev.hpo.common.message;

import java.util.Map;

/**
 * {@code hpo.result/v1}: how a trial ended, published by a worker to {@code hpo.results} keyed by studyId.
 *
 * @param metrics name to finite number (val_recall, val_precision, ..., train_loss)
 * @param device  {@code cpu} or {@code cuda:N}
 * @param error    the reason, for FAILED
 * @param artifact where the worker saved the trained model (final refit trials), or null
 */
public record ResultMessage(String schema, String studyId, String trialId, int attempt, TrialStatus status,
                            Map<String, Double> metrics, int epochs, long durationMs, String worker, String device,
                            String error, String artifact) {

    public static final String SCHEMA = "hpo.result/v1";

    public static ResultMessage of(String studyId, String trialId, int attempt, TrialStatus status,
                                   Map<String, Double> metrics, int epochs, long durationMs, String worker,
                                   String device, String error) {
        return new ResultMessage(SCHEMA, studyId, trialId, attempt, status, metrics, epochs, durationMs, worker,
                device, error, null);
    }

    /** The same result with the location of the saved model. */
    public ResultMessage withArtifact(String location) {
        return new ResultMessage(schema, studyId, trialId, attempt, status, metrics, epochs, durationMs, worker, device,
                error, location);
    }
}
