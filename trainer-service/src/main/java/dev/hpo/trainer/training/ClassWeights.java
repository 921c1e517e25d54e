package dev.hpo.trainer.training;

import dev.hpo.trainer.data.Dataset;

/**
 * Per-class loss weights, the {@code classWeights} entry of the trainer section: each training example's loss is
 * multiplied by its class's weight (Keras's {@code class_weight}).
 *
 * @param balanced true for "balanced": w_c = n / (2 n_c) on the training rows, as scikit-learn's
 *                 {@code compute_class_weight("balanced")} and the Keras imbalanced-data tutorial
 * @param negative fixed weight of class 0 (ignored when balanced)
 * @param positive fixed weight of class 1 (ignored when balanced)
 */
public record ClassWeights(boolean balanced, double negative, double positive) {

    public static final ClassWeights NONE = new ClassWeights(false, 1, 1);
    public static final ClassWeights BALANCED = new ClassWeights(true, 1, 1);

    public ClassWeights {
        if (!(negative > 0 && positive > 0) || Double.isInfinite(negative) || Double.isInfinite(positive)) {
            throw new TrialException("trainer.classWeights (0: " + negative + ", 1: " + positive
                    + ") must be finite numbers > 0");
        }
    }

    /** The weights of class 0 and class 1 for this training table. */
    public double[] forTraining(Dataset train) {
        if (!balanced) {
            return new double[] {negative, positive};
        }
        double rows = train.rows();
        int positives = train.positives();
        return new double[] {rows / (2.0 * (rows - positives)), rows / (2.0 * positives)};
    }
}
