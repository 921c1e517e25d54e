package dev.hpo.common.message;

import java.util.Map;

/**
 * {@code hpo.result/v1}: how a trial ended, published by a worker to {@code hpo.results} keyed by studyId.
 *
 * @param metrics name to finite number (val_recall, val_precision, ..., train_loss)
 * @param device  {@code cpu} or {@code cuda:N}
 * @param error   the reason, for FAILED
 */
public record ResultMessage(String schema, String studyId, String trialId, int attempt, TrialStatus status,
                            Map<String, Double> metrics, int epochs, long durationMs, String worker, String device,
                            String error) {

    public static final String SCHEMA = "hpo.result/v1";

    public static ResultMessage of(String studyId, String trialId, int attempt, TrialStatus status,
                                   Map<String, Double> metrics, int epochs, long durationMs, String worker,
                                   String device, String error) {
        return new ResultMessage(SCHEMA, studyId, trialId, attempt, status, metrics, epochs, durationMs, worker,
                device, error);
    }
}
