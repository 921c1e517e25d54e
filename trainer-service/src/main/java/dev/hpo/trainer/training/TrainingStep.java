package dev.hpo.trainer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One optimisation step of a network on one mini-batch, the unit of {@link TrainingLoop#fitEpoch}. */
public interface TrainingStep {

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
