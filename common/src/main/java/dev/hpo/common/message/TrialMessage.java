package dev.hpo.common.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.study.Objective;
import java.time.Instant;
import java.util.Map;

/**
 * {@code hpo.trial/v1}: one configuration to train, published to {@code hpo.trials.<pool>} keyed by trialId.
 *
 * @param trialId  unique and stable across redelivery
 * @param number   0-based order of the trial in its study
 * @param attempt  1-based; the optimizer raises it when it issues the same trial again
 * @param params   only the parameters active under their conditions
 * @param trainer  the study's opaque trainer section
 */
public record TrialMessage(String schema, String studyId, String trialId, int number, int attempt,
                           Map<String, Object> params, Objective objective, ObjectNode trainer, Instant issuedAt) {

    public static final String SCHEMA = "hpo.trial/v1";

    public static TrialMessage of(String studyId, String trialId, int number, int attempt, Map<String, Object> params,
                                  Objective objective, ObjectNode trainer, Instant issuedAt) {
        return new TrialMessage(SCHEMA, studyId, trialId, number, attempt, params, objective, trainer, issuedAt);
    }
}
