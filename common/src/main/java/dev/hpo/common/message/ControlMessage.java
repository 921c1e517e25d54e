package dev.hpo.common.message;

import java.time.Instant;

/**
 * {@code hpo.control/v1}: the optimizer asks the workers to stop a trial (study stopped, trial pruned);
 * keyed by trialId.
 *
 * @param action {@code stop}
 */
public record ControlMessage(String schema, String studyId, String trialId, String action, String reason,
                             Instant at) {

    public static final String SCHEMA = "hpo.control/v1";
    public static final String STOP = "stop";

    public static ControlMessage stop(String studyId, String trialId, String reason, Instant at) {
        return new ControlMessage(SCHEMA, studyId, trialId, STOP, reason, at);
    }
}
