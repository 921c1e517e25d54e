package dev.hpo.trainer.gpu;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * An activation the GPU kernels compute ({@code dense-step.cu}, whose ACT_* numbers are the {@link #kind}s), with its
 * one parameter: leaky ReLU's slope or ELU's alpha.
 *
 * @param kind  the kernel's activation number
 * @param alpha the parameter, 0 where there is none
 */
record GpuActivation(int kind, float alpha) {

    static final int IDENTITY = 0;
    static final int RELU = 1;
    static final int TANH = 2;
    static final int SIGMOID = 3;
    static final int LEAKY_RELU = 4;
    static final int ELU = 5;
    static final int SELU = 6;
    static final int SWISH = 7;

    /**
     * The kernel form of a DL4J activation, or empty where the kernels lack it (GELU, and ReLU with a threshold, slope
     * or cap: DL4J's {@code ActivationReLU} equals its default only without them).
     */
    static Optional<GpuActivation> of(IActivation activation) {
        if (activation instanceof ActivationReLU) {
            return new ActivationReLU().equals(activation) ? Optional.of(new GpuActivation(RELU, 0)) : Optional.empty();
        }
        if (activation instanceof ActivationLReLU leaky) {
            return Optional.of(new GpuActivation(LEAKY_RELU, (float) leaky.getAlpha()));
        }
        if (activation instanceof ActivationELU elu) {
            return Optional.of(new GpuActivation(ELU, (float) elu.getAlpha()));
        }
        int kind = activation instanceof ActivationIdentity ? IDENTITY
                : activation instanceof ActivationTanH ? TANH
                : activation instanceof ActivationSigmoid ? SIGMOID
                : activation instanceof ActivationSELU ? SELU
                : activation instanceof ActivationSwish ? SWISH : -1;
        return kind < 0 ? Optional.empty() : Optional.of(new GpuActivation(kind, 0));
    }
}
