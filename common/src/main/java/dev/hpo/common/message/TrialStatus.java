package dev.hpo.common.message;

/** How a trial ended, as reported in {@code hpo.result/v1}. */
public enum TrialStatus {
    COMPLETED, FAILED, PRUNED
}
