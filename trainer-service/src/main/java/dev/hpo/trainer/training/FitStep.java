package dev.hpo.trainer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training step through DL4J's {@code MultiLayerNetwork.fit}, for the networks {@link FusedDenseStep} leaves out. */
final class FitStep implements TrainingStep {

    private final MultiLayerNetwork network;
    private final boolean weightDecay;

    FitStep(MultiLayerNetwork network, boolean weightDecay) {
        this.network = network;
        this.weightDecay = weightDecay;
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        // DL4J's score adds 0.5 * lambda * |w|^2 per weight-decay term, of the weights before the update; a decoupled
        // decay is not part of the loss.
        double decayTerm = weightDecay ? network.calcRegularizationScore(true) : 0;
        network.fit(features, labels, null, null);
        return network.score() - decayTerm;
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }
}
