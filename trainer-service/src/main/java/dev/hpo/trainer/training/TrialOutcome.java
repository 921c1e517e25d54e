package dev.hpo.trainer.training;

import dev.hpo.trainer.model.TrainedModel;
import java.util.Map;

/**
 * What one trial produced.
 *
 * @param metrics final metrics (all finite), averaged over the executions: {@code train_loss} and {@code val_*} of
 *                the epoch whose weights were kept, {@code best_epoch}, and {@code test_*} when the split has a test
 *                part; for a refit {@code train_loss}, {@code dev_*} (training + validation rows) and {@code test_*};
 *                empty when stopped before the first epoch ended
 * @param epochs  epochs trained, summed over the executions
 * @param device  {@code cpu}, or the GPU as {@code cuda:N <name> sm_XY}
 * @param stopped true when {@code stopRequested} ended the trial early
 * @param model   the trained model of a refit, to save with {@link TrainedModel#save}; null for other trials
 */
public record TrialOutcome(Map<String, Double> metrics, int epochs, String device, boolean stopped,
                           TrainedModel model) {
}
