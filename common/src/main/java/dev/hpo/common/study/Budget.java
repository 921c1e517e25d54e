package dev.hpo.common.study;

/**
 * How much work a study may do.
 *
 * @param maxTrials          trials to run, including failed ones
 * @param parallelism        trials in flight at once
 * @param executionsPerTrial repeats of each configuration (with distinct seeds), averaged
 */
public record Budget(int maxTrials, int parallelism, int executionsPerTrial) {
}
