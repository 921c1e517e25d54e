package dev.hpo.optimizer.study;

import dev.hpo.common.message.TrialStatus;

/** Where a trial is in its life: published, taken by a worker, or ended. */
public enum TrialState {
    QUEUED, RUNNING, COMPLETED, FAILED, PRUNED;

    public boolean inFlight() {
        return this == QUEUED || this == RUNNING;
    }

    public static TrialState of(TrialStatus status) {
        return valueOf(status.name());
    }
}
