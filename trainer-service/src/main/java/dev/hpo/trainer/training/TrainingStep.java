package dev.hpo.trainer.training;

import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimisation step of a network on one mini-batch, and the epoch of such steps that {@link TrainingLoop} runs.
 * A step may keep the parameters elsewhere than the network (the GPU step keeps them on the device): then
 * {@link #syncNetwork} and {@link #reloadNetwork} move them, and {@link #predict} evaluates where they are.
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * Updates the network's parameters from one mini-batch.
     *
     * @return the batch mean of the loss being minimised (class-weighted, dropout active), without any
     *         regularisation or weight-decay term
     */
    double fit(INDArray features, INDArray labels);

    /** The network this step trains. */
    MultiLayerNetwork network();

    /**
     * One pass over the shuffled training rows, one {@link #fit} per mini-batch.
     *
     * @return the mean training loss of the epoch (class-weighted as the loss being minimised, with dropout active,
     *         as Keras reports it), or empty when a stop request interrupted the epoch
     */
    default OptionalDouble fitEpoch(MiniBatches batches, BooleanSupplier stopRequested) {
        batches.shuffle();
        double lossSum = 0;
        for (int b = 0; b < batches.count(); b++) {
            lossSum += fit(batches.features(b), batches.labels(b)) * batches.size(b);
            if ((b + 1) % TrainingLoop.STOP_CHECK_INTERVAL == 0 && stopRequested.getAsBoolean()) {
                return OptionalDouble.empty();
            }
        }
        network().incrementEpochCount();
        return OptionalDouble.of(lossSum / batches.rows());
    }

    /** The probability of class 1 for each row, with the parameters trained so far. */
    default double[] predict(INDArray features) {
        return TrainingLoop.predict(network(), features);
    }

    /** Where this step computes: "cpu", or the GPU as "cuda:N name sm_XY". */
    default String device() {
        return "cpu";
    }

    /** Makes the network hold the parameters (and updater state) trained so far. */
    default void syncNetwork() {
    }

    /** Takes up parameters set on the network from outside, as the best-epoch restore does. */
    default void reloadNetwork() {
    }

    /** Frees what the step holds outside the Java heap. */
    @Override
    default void close() {
    }

    /**
     * The fused step where it supports the network ({@link FusedDenseStep#supports}), DL4J's own {@code fit}
     * otherwise; decided once per network.
     *
     * @param weightDecay whether the network's DL4J score includes a weight-decay term (only DL4J's fit reports one)
     */
    static TrainingStep of(MultiLayerNetwork network, boolean weightDecay) {
        return FusedDenseStep.supports(network) ? new FusedDenseStep(network) : dl4jFit(network, weightDecay);
    }

    /** DL4J's own {@code MultiLayerNetwork.fit}, whatever the network (the benchmark compares it). */
    static TrainingStep dl4jFit(MultiLayerNetwork network, boolean weightDecay) {
        return new FitStep(network, weightDecay);
    }
}
