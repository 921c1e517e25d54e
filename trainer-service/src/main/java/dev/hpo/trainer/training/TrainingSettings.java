package dev.hpo.trainer.training;

import java.util.Set;

/**
 * The trial's {@code batch_size} and {@code epochs}.
 *
 * @param batchSize examples per gradient step (Keras's default 32)
 * @param epochs    maximum number of passes over the training rows
 */
public record TrainingSettings(int batchSize, int epochs) {

    public static final Set<String> PARAMETER_NAMES = Set.of("batch_size", "epochs");
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The low end of the reference experiment's range (50..200). */
    public static final int DEFAULT_EPOCHS = 50;

    public static TrainingSettings fromParams(HyperParameters params) {
        return new TrainingSettings(params.integer("batch_size", DEFAULT_BATCH_SIZE, 1, 1 << 16),
                params.integer("epochs", DEFAULT_EPOCHS, 1, 100_000));
    }
}
