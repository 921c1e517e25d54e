package dev.hpo.trainer.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One layer of a {@link FusedDenseStep}, bound to arrays allocated once for one batch size. */
sealed interface FusedStage permits FusedDense, FusedDropout {

    /**
     * The layer's training-mode output for {@code input}, which must stay unchanged until {@link #backward} ran.
     *
     * @param iteration the network's iteration count, for schedules
     * @param epoch     the network's epoch count, for schedules
     */
    INDArray forward(INDArray input, int iteration, int epoch);

    /**
     * Backpropagates dL/d(output) of the last forward pass: writes the layer's parameter gradients where the network's
     * updater reads them and returns dL/d(input), which may be the argument modified in place, or null where no layer
     * before this one has parameters.
     */
    INDArray backward(INDArray outputGradient);
}
