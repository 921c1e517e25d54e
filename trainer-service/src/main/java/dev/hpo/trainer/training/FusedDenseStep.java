package dev.hpo.trainer.training;

import dev.hpo.trainer.model.WeightedBinaryCrossEntropy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A training step of a dense network (DenseLayer, DropoutLayer or layer-level {@link Dropout}, and an OutputLayer with
 * any loss) with the arithmetic of DL4J's {@code MultiLayerNetwork.fit}, on arrays allocated once per batch size:
 * forward and backward write the summed gradient straight into the network's flattened gradient view, then the
 * network's own updater runs on it (divide by the batch size, L1/L2, the optimizer with its schedule, weight decay)
 * and the parameters take {@code params -= update}, as {@code StochasticGradientDescent.optimize} does. The network
 * stays an ordinary DL4J model for prediction, saving, early-stopping restores and every optimizer.
 *
 * <p>Why hand-written: for layers of tens of units a step is per-operation overhead, not arithmetic. DL4J's fit runs
 * about 57 native ND4J operations per step for the reference network (12 matmuls, as backprop recomputes each forward
 * pre-activation, copies around them, a 12-operation loss) and allocates tens of arrays, each registered with ND4J's
 * deallocator; no library offers a fused MLP step for DL4J. For the reference network (two ReLU layers with dropout)
 * this one runs 4 ND4J operations (the two dropout masks, and the updater's divide and Adam), 14 direct BLAS calls
 * for the products and bias terms ({@link FloatGemm}), and the element-wise ReLU, dropout, loss and parameter update
 * as Java loops over host copies ({@link HostFloats}); other activations and losses run as DL4J's own ND4J code.
 * {@link #supports} sends anything else (batch norm, gradient normalisation, constraints, weight noise, listeners,
 * other layers, a GPU backend) to DL4J's fit.
 */
public final class FusedDenseStep implements TrainingStep {

    private final MultiLayerNetwork network;
    private final Layer[] layers;
    private final INDArray params;
    private final INDArray gradients;
    private final INDArray update;
    private final float[] paramValues;
    private final float[] updateValues;
    private final Gradient gradient;
    private final Updater updater;
    private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    private final ILossFunction loss;
    private final IActivation outputActivation;
    /** The loss when it can run on host copies (the class-weighted cross-entropy of a sigmoid), else null. */
    private final WeightedBinaryCrossEntropy hostLoss;
    private final Map<Long, List<FusedStage>> passes = new HashMap<>();

    /** @param network an initialised network that {@link #supports} */
    public FusedDenseStep(MultiLayerNetwork network) {
        if (!supports(network)) {
            throw new IllegalArgumentException("FusedDenseStep does not support this network: " + network.summary());
        }
        this.network = network;
        this.layers = network.getLayers();
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        this.params = network.params();
        this.gradients = network.getGradientsViewArray();
        this.gradient = new FlatGradient(gradients);
        // the flat parameters are a vector and the flat gradients a row: a view of one in the other's shape
        this.update = gradients.reshape(params.shape());
        this.paramValues = new float[(int) params.length()];
        this.updateValues = new float[paramValues.length];
        for (int i = 0; i < layers.length; i++) {
            for (Map.Entry<String, INDArray> view : layers[i].conf().getLayer().initializer()
                    .getGradientsFromFlattened(layers[i].conf(), layers[i].getGradientsViewArray()).entrySet()) {
                gradient.setGradientFor(i + "_" + view.getKey(), view.getValue());
            }
        }
        this.updater = network.getUpdater();
        OutputLayer output = (OutputLayer) layers[layers.length - 1].conf().getLayer();
        this.loss = output.getLossFn();
        this.outputActivation = output.getActivationFn();
        boolean sigmoid = outputActivation instanceof ActivationSigmoid;
        this.hostLoss = sigmoid && loss instanceof WeightedBinaryCrossEntropy weighted ? weighted : null;
    }

    /**
     * Whether this step trains the network exactly as DL4J's fit would: on ND4J's CPU backend, a float network trained
     * by standard backprop and stochastic gradient descent without listeners, only DenseLayers and DropoutLayers then
     * one OutputLayer, all with biases, inverted {@link Dropout} if any, no input preprocessors, gradient
     * normalisation, constraints, weight noise or layer norm.
     */
    public static boolean supports(MultiLayerNetwork network) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        if (!HostFloats.inHostMemory() || configuration.getBackpropType() != BackpropType.Standard
                || configuration.getDataType() != DataType.FLOAT || !network.getListeners().isEmpty()
                || !plainSgd(network.conf())) {
            return false;
        }
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (configuration.getInputPreProcess(i) != null || !plainSgd(layers[i].conf())
                    || !supportedLayer(layers[i].conf().getLayer(), i == layers.length - 1)) {
                return false;
            }
        }
        return layers.length > 0;
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        double loss = computeGradient(features, labels);
        int iteration = network.getIterationCount();
        updater.update(network, gradient, iteration, network.getEpochCount(), (int) features.size(0), workspaces);
        subtractUpdate();
        network.setIterationCount(iteration + 1);
        for (Layer layer : layers) {
            layer.setIterationCount(iteration + 1);
        }
        return loss;
    }

    /** params -= update, DL4J's {@code NegativeGradientStepFunction}, on host copies. */
    private void subtractUpdate() {
        HostFloats.read(params, paramValues);
        HostFloats.read(update, updateValues);
        for (int i = 0; i < paramValues.length; i++) {
            paramValues[i] -= updateValues[i];
        }
        HostFloats.write(paramValues, params);
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    /**
     * Forward and backward pass in training mode: leaves the gradient summed over the batch (not yet divided by its
     * size) in the network's gradient view, as DL4J's {@code computeGradientAndScore} does.
     *
     * @return the batch mean of the loss, without regularisation terms
     */
    double computeGradient(INDArray features, INDArray labels) {
        long rows = features.size(0);
        List<FusedStage> stages = passes.computeIfAbsent(rows, this::allocate);
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        INDArray activations = features;
        for (FusedStage stage : stages) {
            activations = stage.forward(activations, iteration, epoch);
        }
        double lossSum;
        INDArray delta;
        if (hostLoss != null) {
            float[] labelValues = new float[(int) rows];
            float[] logits = new float[(int) rows];
            HostFloats.read(labels, labelValues);
            HostFloats.read(activations, logits);
            lossSum = hostLoss.scoreAndGradient(labelValues, logits, logits);
            HostFloats.write(logits, activations);
            delta = activations;
        } else {
            lossSum = loss.computeScore(labels, activations, outputActivation, null, false);
            delta = loss.computeGradient(labels, activations, outputActivation, null);
        }
        for (int i = stages.size() - 1; i >= 0 && delta != null; i--) {
            delta = stages.get(i).backward(delta);
        }
        return lossSum / rows;
    }

    /** The stages for one batch size, with their arrays, outside any workspace (they live as long as this step). */
    private List<FusedStage> allocate(long rows) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            List<FusedStage> stages = new ArrayList<>();
            boolean parametersBefore = false;
            // a DropoutLayer's own nIn stays 0: the width is the previous dense layer's, or the next one's input
            long width = inputWidth();
            for (int i = 0; i < layers.length; i++) {
                FeedForwardLayer layer = (FeedForwardLayer) layers[i].conf().getLayer();
                if (layer.getIDropout() != null) {
                    stages.add(new FusedDropout((Dropout) layer.getIDropout(), params.dataType(), rows, width));
                }
                if (!(layer instanceof DropoutLayer)) {
                    stages.add(new FusedDense(layers[i], rows, parametersBefore, i == layers.length - 1));
                    parametersBefore = true;
                    width = layer.getNOut();
                }
            }
            return stages;
        }
    }

    /** The number of input features: the nIn of the first layer with parameters. */
    private long inputWidth() {
        for (Layer layer : layers) {
            if (!(layer.conf().getLayer() instanceof DropoutLayer)) {
                return ((FeedForwardLayer) layer.conf().getLayer()).getNIn();
            }
        }
        throw new IllegalStateException("no layer with parameters");
    }

    /**
     * The gradient handed to the updater. DL4J's {@code DefaultGradient.gradient()} returns a new reshaped view on each
     * call, so the updater never recognises the network's own flattened gradient array and takes its "external
     * gradient" path, which slices the parameter and gradient views afresh on every step (a quarter of this step's
     * CPU time when profiled); returning the array itself lets it use the views it cached. Same arithmetic.
     */
    private static final class FlatGradient extends DefaultGradient {

        private final INDArray flattened;

        FlatGradient(INDArray flattened) {
            super(flattened);
            this.flattened = flattened;
        }

        @Override
        public INDArray gradient() {
            return flattened;
        }
    }

    private static boolean plainSgd(NeuralNetConfiguration conf) {
        return conf.getOptimizationAlgo() == OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT && conf.isMiniBatch()
                && conf.isMinimize() && conf.getStepFunction() == null;
    }

    private static boolean supportedLayer(org.deeplearning4j.nn.conf.layers.Layer layer, boolean last) {
        IDropout dropout = layer.getIDropout();
        boolean plainDropout = dropout == null || dropout.getClass() == Dropout.class;
        boolean unconstrained = layer.getConstraints() == null || layer.getConstraints().isEmpty();
        if (!plainDropout || !unconstrained) {
            return false;
        }
        if (layer.getClass() == DropoutLayer.class) {
            return !last;
        }
        if (layer.getClass() == DenseLayer.class) {
            DenseLayer dense = (DenseLayer) layer;
            return !last && dense.hasBias() && !dense.hasLayerNorm() && plainGradient(dense);
        }
        return layer.getClass() == OutputLayer.class && last && ((OutputLayer) layer).hasBias()
                && plainGradient((OutputLayer) layer);
    }

    private static boolean plainGradient(BaseLayer layer) {
        GradientNormalization normalization = layer.getGradientNormalization();
        return (normalization == null || normalization == GradientNormalization.None) && layer.getWeightNoise() == null;
    }
}
