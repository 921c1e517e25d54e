package dev.hpo.trainer.gpu;

import dev.hpo.trainer.model.WeightedBinaryCrossEntropy;
import dev.hpo.trainer.training.FusedDenseStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * What the GPU step needs to know of a DL4J network: its stages in order, where each layer's weights and biases lie
 * in DL4J's flattened parameter vector (per layer W, nIn x nOut in column-major order, then b), the loss's class
 * weights, the updater and the decoupled weight decay. {@link #of} refuses, naming the reason, every network whose
 * training the GPU kernels would not reproduce exactly.
 *
 * @param stages       dropout and dense stages in forward order, the last one the output layer
 * @param inputs       features per row
 * @param parameters   length of the flattened parameter vector
 * @param updater      the updater of every parameter
 * @param weightDecay  the decoupled weight-decay coefficient of every parameter, 0 for none
 * @param lossWeights  the class weights of the loss, class 0 then class 1
 */
record DenseLayout(List<Stage> stages, int inputs, long parameters, GpuUpdater updater, double weightDecay,
                   double[] lossWeights) {

    /** One stage of the forward pass. */
    sealed interface Stage permits Dense, Drop {

        /** Columns of the stage's output. */
        int width();
    }

    /**
     * A dense or output layer: z = x W + b, a = f(z).
     *
     * @param weightOffset index of W(0, 0) in the flattened parameters
     * @param biasOffset   index of b(0)
     * @param activation   f; null for the output layer, whose z the loss takes
     */
    record Dense(long weightOffset, long biasOffset, int inputs, int outputs, GpuActivation activation)
            implements Stage {

        @Override
        public int width() {
            return outputs;
        }
    }

    /** DL4J's inverted dropout of a {@code width}-column input, keeping each value with probability {@code retain}. */
    record Drop(float retain, int width) implements Stage {
    }

    /** Why the GPU step cannot train this network exactly, or empty where it can. */
    static Optional<String> unsupported(MultiLayerNetwork network) {
        try {
            of(network);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming what the GPU step lacks for this network */
    static DenseLayout of(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        if (!FusedDenseStep.supports(network)) {
            List<String> types = new ArrayList<>();
            for (Layer layer : layers) {
                types.add(layer.conf().getLayer().getClass().getSimpleName());
            }
            throw new IllegalArgumentException("the GPU step trains dense, dropout and output layers with plain SGD-style"
                    + " updates only; this network has " + types);
        }
        BaseLayer first = (BaseLayer) parameterLayers(layers).get(0).conf().getLayer();
        IUpdater updaterConfig = first.getUpdaterByParam(DefaultParamInitializer.WEIGHT_KEY);
        GpuUpdater updater = GpuUpdater.of(updaterConfig).orElseThrow(() -> new IllegalArgumentException(
                "the GPU step has no kernel for the updater " + updaterConfig));
        double decay = decay(first.getRegularization(), 0);
        List<Stage> stages = new ArrayList<>();
        long offset = 0;
        int width = 0;
        for (int i = 0; i < layers.length; i++) {
            FeedForwardLayer conf = (FeedForwardLayer) layers[i].conf().getLayer();
            if (conf.getIDropout() != null) {
                Dropout dropout = (Dropout) conf.getIDropout();
                if (dropout.getPSchedule() != null) {
                    throw new IllegalArgumentException("layer " + i + " has a dropout schedule, which the GPU step lacks");
                }
                stages.add(new Drop((float) dropout.getP(), width == 0 ? (int) conf.getNIn() : width));
            }
            if (conf instanceof DropoutLayer) {
                continue;
            }
            BaseLayer base = (BaseLayer) conf;
            if (!updaterConfig.equals(base.getUpdaterByParam(DefaultParamInitializer.WEIGHT_KEY))
                    || !updaterConfig.equals(base.getUpdaterByParam(DefaultParamInitializer.BIAS_KEY))) {
                throw new IllegalArgumentException("layer " + i + " has its own updater; the GPU step runs one for all");
            }
            if (decay(base.getRegularization(), i) != decay || decay(base.getRegularizationBias(), i) != decay) {
                throw new IllegalArgumentException("layer " + i + " has its own weight decay; the GPU step runs one");
            }
            int inputs = (int) conf.getNIn();
            int outputs = (int) conf.getNOut();
            boolean output = i == layers.length - 1;
            stages.add(new Dense(offset, offset + (long) inputs * outputs, inputs, outputs,
                    output ? null : activation(base, i)));
            offset += layers[i].numParams();
            width = outputs;
        }
        OutputLayer output = (OutputLayer) layers[layers.length - 1].conf().getLayer();
        if (!(output.getLossFn() instanceof WeightedBinaryCrossEntropy loss)
                || !(output.getActivationFn() instanceof ActivationSigmoid) || output.getNOut() != 1) {
            throw new IllegalArgumentException("the GPU step's loss is the class-weighted cross-entropy of one sigmoid"
                    + " output; this network's output is " + output.getNOut() + " x " + output.getActivationFn()
                    + " with " + output.getLossFn());
        }
        requireOneUpdaterBlock(network, updater);
        return new DenseLayout(List.copyOf(stages), inputWidth(stages), network.numParams(), updater, decay,
                new double[] {loss.getNegativeWeight(), loss.getPositiveWeight()});
    }

    /** The dense stages, in forward order. */
    List<Dense> denseStages() {
        List<Dense> dense = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage instanceof Dense d) {
                dense.add(d);
            }
        }
        return dense;
    }

    private static int inputWidth(List<Stage> stages) {
        for (Stage stage : stages) {
            if (stage instanceof Dense dense) {
                return dense.inputs();
            }
        }
        throw new IllegalArgumentException("the network has no dense layer");
    }

    private static List<Layer> parameterLayers(Layer[] layers) {
        List<Layer> out = new ArrayList<>();
        for (Layer layer : layers) {
            if (!(layer.conf().getLayer() instanceof DropoutLayer)) {
                out.add(layer);
            }
        }
        return out;
    }

    private static GpuActivation activation(BaseLayer layer, int index) {
        return GpuActivation.of(layer.getActivationFn()).orElseThrow(() -> new IllegalArgumentException(
                "layer " + index + "'s activation " + layer.getActivationFn() + " has no GPU kernel"));
    }

    /**
     * The coefficient of a decoupled weight decay (DL4J's {@code WeightDecay} with applyLR and a fixed coefficient),
     * 0 for no regularisation; anything else (L1, L2, a decay without applyLR or with a schedule) is refused.
     */
    private static double decay(List<Regularization> regularization, int layer) {
        if (regularization == null || regularization.isEmpty()) {
            return 0;
        }
        if (regularization.size() == 1 && regularization.get(0) instanceof WeightDecay decay && decay.isApplyLR()
                && decay.getCoeff() instanceof FixedSchedule fixed) {
            return fixed.valueAt(0, 0);
        }
        throw new IllegalArgumentException("layer " + layer + "'s regularisation " + regularization
                + " has no GPU kernel (only decoupled weight decay)");
    }

    /**
     * The device keeps the updater's state in DL4J's layout so that it can start from, and return to, the network's
     * own state array: that holds when one updater block covers every parameter (its state is then the updater's
     * arrays one after the other, e.g. Adam's m then v).
     */
    private static void requireOneUpdaterBlock(MultiLayerNetwork network, GpuUpdater updater) {
        BaseMultiLayerUpdater<?> dl4j = (BaseMultiLayerUpdater<?>) network.getUpdater();
        long state = dl4j.getStateViewArray() == null ? 0 : dl4j.getStateViewArray().length();
        if (dl4j.getUpdaterBlocks().size() != 1 || state != updater.stateArrays() * network.numParams()) {
            throw new IllegalArgumentException("the network's updater has " + dl4j.getUpdaterBlocks().size()
                    + " blocks and " + state + " state values; the GPU step needs one block of "
                    + updater.stateArrays() + " x " + network.numParams());
        }
    }
}
