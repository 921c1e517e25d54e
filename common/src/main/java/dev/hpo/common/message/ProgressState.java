package dev.hpo.common.message;

/** {@code RUNNING} when a worker takes a trial, then {@code EPOCH} once per finished epoch. */
public enum ProgressState {
    RUNNING, EPOCH
}
