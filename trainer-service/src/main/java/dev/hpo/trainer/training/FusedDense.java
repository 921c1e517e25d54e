package dev.hpo.trainer.training;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense or output layer on preallocated arrays: forward z = x W + b, a = f(z) (an output layer stops at z, which
 * the loss takes); backward dL/dz = f'(z) * dL/da (in z's array), dL/dW = x^T dL/dz and dL/db = column sums of dL/dz
 * written straight into the network's gradient views, dL/dx = dL/dz W^T. The arithmetic of DL4J's
 * {@code BaseLayer.backpropGradient}, without its second forward pass and copies, and with the products and bias
 * terms through {@link FloatGemm}.
 */
final class FusedDense implements FusedStage {

    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    /** null for the output layer. */
    private final IActivation activation;
    /** DL4J's default ReLU (no threshold, slope or cap), run on host copies ({@link HostFloats}). */
    private final boolean plainRelu;
    /** z of the last forward pass, for the ReLU derivative. */
    private final float[] preActivationValues;
    private final float[] scratch;
    /** A column of ones: the bias enters as ones x b and leaves as ones^T x dL/dz, both matrix products. */
    private final INDArray ones;
    private final INDArray preActivation;
    private final INDArray activated;
    private final INDArray inputGradient;
    private INDArray input;

    /**
     * @param layer         an initialised DenseLayer or OutputLayer of the network
     * @param rows          the batch size
     * @param inputGradient whether backward must return dL/dx (a layer before this one has parameters)
     * @param output        whether this is the output layer
     */
    FusedDense(Layer layer, long rows, boolean inputGradient, boolean output) {
        this.weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        this.bias = row(layer.getParam(DefaultParamInitializer.BIAS_KEY));
        Map<String, INDArray> gradients = layer.conf().getLayer().initializer()
                .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
        this.weightGradient = gradients.get(DefaultParamInitializer.WEIGHT_KEY);
        this.biasGradient = row(gradients.get(DefaultParamInitializer.BIAS_KEY));
        this.activation = output ? null : ((BaseLayer) layer.conf().getLayer()).getActivationFn();
        this.plainRelu = new ActivationReLU().equals(activation);
        this.ones = Nd4j.ones(weights.dataType(), rows, 1);
        this.preActivation = Nd4j.createUninitialized(weights.dataType(), rows, weights.size(1));
        this.activated = output ? null : preActivation.ulike();
        this.inputGradient = inputGradient ? Nd4j.createUninitialized(weights.dataType(), rows, weights.size(0)) : null;
        this.preActivationValues = new float[plainRelu ? (int) preActivation.length() : 0];
        this.scratch = new float[preActivationValues.length];
    }

    /** A bias vector as a 1 x n matrix over the same memory. */
    private static INDArray row(INDArray vector) {
        return vector.reshape('c', 1, vector.length());
    }

    @Override
    public INDArray forward(INDArray input, int iteration, int epoch) {
        this.input = input;
        FloatGemm.gemm(ones, false, bias, false, preActivation, 0);
        FloatGemm.gemm(input, false, weights, false, preActivation, 1);
        if (activation == null) {
            return preActivation;
        }
        if (plainRelu) {
            HostFloats.read(preActivation, preActivationValues);
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = preActivationValues[i] > 0 ? preActivationValues[i] : 0f;
            }
            HostFloats.write(scratch, activated);
            return activated;
        }
        return activation.getActivation(activated.assign(preActivation), true);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        INDArray delta = outputGradient;
        if (plainRelu) {
            HostFloats.read(outputGradient, scratch);
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = preActivationValues[i] > 0 ? scratch[i] : 0f;
            }
            delta = preActivation;
            HostFloats.write(scratch, delta);
        } else if (activation != null) {
            delta = activation.backprop(preActivation, outputGradient).getFirst();
        }
        FloatGemm.gemm(input, true, delta, false, weightGradient, 0);
        FloatGemm.gemm(ones, true, delta, false, biasGradient, 0);
        if (inputGradient == null) {
            return null;
        }
        FloatGemm.gemm(delta, false, weights, true, inputGradient, 0);
        return inputGradient;
    }
}
