package dev.hpo.optimizer.study;

/** A study runs until its budget or grid is spent (FINISHED) or someone stops it (STOPPED). */
public enum StudyStatus {
    RUNNING, FINISHED, STOPPED;

    public boolean ended() {
        return this != RUNNING;
    }
}
