package dev.hpo.trainer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds and initialises the DL4J network for resolved layers: Keras-style initialisation (Glorot-uniform weights,
 * zero biases), a sigmoid output trained with class-weighted binary cross-entropy whose bias starts at a given value,
 * and the optimizer's updater and decoupled weight decay.
 */
public final class NetworkBuilder {

    /** Keras's BatchNormalization defaults (DL4J's are 0.9 and 1e-5). */
    private static final double BATCH_NORM_MOMENTUM = 0.99;
    private static final double BATCH_NORM_EPSILON = 1e-3;

    private NetworkBuilder() {
    }

    /**
     * @param layers       resolved layers, the last one the output
     * @param inputs       number of input features
     * @param optimizer    updater and weight decay
     * @param classWeights loss weight of class 0 and of class 1
     * @param outputBias   initial bias of the output unit, e.g. log(pos / neg) so that the untrained network
     *                     predicts the base rate (Karpathy, "A Recipe for Training Neural Networks", 2019)
     * @param seed         seed of the weight initialisation
     */
    public static MultiLayerNetwork build(List<LayerSpec> layers, int inputs, OptimizerSettings optimizer,
                                          double[] classWeights, double outputBias, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(optimizer.updater())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Dense dense) {
                list.layer(decayed(new DenseLayer.Builder().nOut(dense.units()).activation(dense.activation())
                        .biasInit(0), optimizer).build());
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                if (dropout.rate() > 0) {
                    // DL4J's argument is the probability to RETAIN an activation, Keras's the rate to drop.
                    list.layer(new DropoutLayer.Builder(1 - dropout.rate()).build());
                }
            } else if (layer instanceof LayerSpec.BatchNorm) {
                list.layer(decayed(new BatchNormalization.Builder().decay(BATCH_NORM_MOMENTUM).eps(BATCH_NORM_EPSILON),
                        optimizer).build());
            } else {
                list.layer(decayed(new OutputLayer.Builder(new WeightedBinaryCrossEntropy(classWeights[0],
                        classWeights[1])).nOut(1).activation(Activation.SIGMOID).biasInit(outputBias), optimizer).build());
            }
        }
        list.setInputType(InputType.feedForward(inputs));
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        return network;
    }

    /**
     * Adds decoupled weight decay on all parameters, as Keras's and PyTorch's AdamW do: DL4J's WeightDecay with applyLR
     * adds lr * lambda * w to the update after the updater (L2 would go through the updater). Set per layer because
     * setting it on the network builder put it twice in each layer's list (the decay then doubled).
     */
    private static <B extends BaseLayer.Builder<B>> B decayed(B builder, OptimizerSettings optimizer) {
        if (optimizer.weightDecay() > 0) {
            builder.weightDecay(optimizer.weightDecay(), true);
            builder.weightDecayBias(optimizer.weightDecay(), true);
        }
        return builder;
    }
}
