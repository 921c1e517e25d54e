package dev.hpo.trainer.training;

import java.util.Map;

/** Receives the metrics of each completed epoch, for progress events. */
@FunctionalInterface
public interface EpochListener {

    /**
     * Called once per completed epoch on the training thread.
     *
     * @param epoch   1-based epoch number
     * @param metrics {@code train_loss}, {@code val_loss}, {@code val_recall}, {@code val_precision},
     *                {@code val_accuracy}, {@code val_auc}, {@code val_f1} of that epoch
     */
    void onEpoch(int epoch, Map<String, Double> metrics);
}
