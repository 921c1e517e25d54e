package dev.hpo.trainer.model;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The optimizer a trial trains with.
 *
 * @param name        the trial's optimizer name (adam, adamw, lion, nadam, rmsprop, sgd)
 * @param updater     the DL4J updater
 * @param weightDecay decoupled weight decay lambda (the update gains {@code lr * lambda * w}); 0 for none
 */
public record OptimizerSettings(String name, IUpdater updater, double weightDecay) {
}
