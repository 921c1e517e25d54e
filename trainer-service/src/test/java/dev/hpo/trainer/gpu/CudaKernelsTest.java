package dev.hpo.trainer.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.trainer.model.Lion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The kernels of dense-step.cu on tiny inputs, against values computed by hand or by DL4J's own CPU code. GPU only. */
class CudaKernelsTest {

    private static final float[] Z = {-2f, -0.5f, 0f, 0.5f, 2f};

    private static DeviceArray upload(float[] values) {
        DeviceArray array = DeviceArray.floats(values.length);
        array.upload(values);
        return array;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double activation(int kind, double z, double alpha) {
        double seluAlpha = 1.6732632423543772;
        double seluLambda = 1.0507009873554805;
        return switch (kind) {
            case GpuActivation.RELU -> Math.max(0, z);
            case GpuActivation.TANH -> Math.tanh(z);
            case GpuActivation.SIGMOID -> sigmoid(z);
            case GpuActivation.LEAKY_RELU -> z > 0 ? z : alpha * z;
            case GpuActivation.ELU -> z > 0 ? z : alpha * (Math.exp(z) - 1);
            case GpuActivation.SELU -> z > 0 ? seluLambda * z : seluLambda * seluAlpha * (Math.exp(z) - 1);
            case GpuActivation.SWISH -> z * sigmoid(z);
            default -> z;
        };
    }

    /** f'(z) by a central difference of the hand formula (away from the kinks at 0, where DL4J takes 0 or alpha). */
    private static double derivative(int kind, double z, double alpha) {
        if (z == 0) {
            return switch (kind) {
                case GpuActivation.RELU -> 0;
                case GpuActivation.LEAKY_RELU -> alpha;
                case GpuActivation.ELU -> alpha;
                case GpuActivation.SELU -> 1.0507009873554805 * 1.6732632423543772;
                default -> (activation(kind, 1e-6, alpha) - activation(kind, -1e-6, alpha)) / 2e-6;
            };
        }
        return (activation(kind, z + 1e-6, alpha) - activation(kind, z - 1e-6, alpha)) / 2e-6;
    }

    @ParameterizedTest(name = "activation kind {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void activationsAndTheirDerivativesMatchTheFormulas(int kind) {
        CudaContext cuda = Gpu.context();
        float alpha = kind == GpuActivation.LEAKY_RELU ? 0.01f : 1f;
        try (DeviceArray z = upload(Z); DeviceArray a = DeviceArray.floats(Z.length); DeviceArray bias = upload(
                new float[] {0f}); DeviceArray delta = upload(new float[] {1f, 1f, 1f, 1f, 1f})) {
            cuda.kernel("bias_activate", 7).set(0, z).set(1, a).set(2, bias).setInt(3, Z.length).setInt(4, 1)
                    .setInt(5, kind).setFloat(6, alpha).launch(Z.length);
            cuda.kernel("activation_backward", 5).set(0, z).set(1, delta).set(2, Z.length).setInt(3, kind)
                    .setFloat(4, alpha).launch(Z.length);
            float[] activated = a.downloadFloats(Z.length);
            float[] derivatives = delta.downloadFloats(Z.length);
            for (int i = 0; i < Z.length; i++) {
                assertThat((double) activated[i]).as("f(%s)", Z[i]).isCloseTo(activation(kind, Z[i], alpha),
                        within(1e-6));
                assertThat((double) derivatives[i]).as("f'(%s)", Z[i]).isCloseTo(derivative(kind, Z[i], alpha),
                        within(1e-4));
            }
        }
    }

    @Test
    void theBiasIsAddedPerColumn() {
        CudaContext cuda = Gpu.context();
        // z is 2 rows x 3 columns, column-major
        try (DeviceArray z = upload(new float[] {1, 2, 3, 4, 5, 6}); DeviceArray bias = upload(new float[] {10, 20, 30})) {
            cuda.kernel("bias_activate", 7).set(0, z).set(1, 0L).set(2, bias).setInt(3, 2).setInt(4, 3)
                    .setInt(5, GpuActivation.IDENTITY).setFloat(6, 0).launch(6);
            assertThat(z.downloadFloats(6)).containsExactly(11, 12, 23, 24, 35, 36);
        }
    }

    @Test
    void dropoutKeepsTheRetainedShareScaledAndMasksTheGradientAlike() {
        CudaContext cuda = Gpu.context();
        int n = 1_000_000;
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 2f);
        try (DeviceArray in = upload(ones); DeviceArray out = DeviceArray.floats(n); DeviceArray mask = DeviceArray
                .floats(n); DeviceArray gradient = upload(ones)) {
            cuda.kernel("dropout_forward", 7).set(0, in).set(1, out).set(2, mask).set(3, n).setFloat(4, 0.8f)
                    .set(5, 1234L).set(6, 7L).launch(n);
            cuda.kernel("mask_multiply", 3).set(0, gradient).set(1, mask).set(2, n).launch(n);
            float[] masks = mask.downloadFloats(n);
            float[] outputs = out.downloadFloats(n);
            float[] gradients = gradient.downloadFloats(n);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                assertThat(masks[i]).isIn(0f, 1.25f);
                assertThat(outputs[i]).isEqualTo(2f * masks[i]);
                assertThat(gradients[i]).isEqualTo(2f * masks[i]);
                kept += masks[i] > 0 ? 1 : 0;
            }
            // binomial(1e6, 0.8): standard deviation 400, so 0.8 +- 0.002 is five of them
            assertThat(kept / (double) n).isCloseTo(0.8, within(0.002));
        }
    }

    @Test
    void weightedCrossEntropyAndItsGradientMatchTheFormula() {
        CudaContext cuda = Gpu.context();
        float[] logits = {-3f, 0f, 2.5f, 40f};
        float[] labels = {0f, 1f, 1f, 0f};
        double w0 = 0.6;
        double w1 = 3.0;
        double clip = dev.hpo.trainer.model.WeightedBinaryCrossEntropy.LOGIT_CLIP;
        double expectedLoss = 0;
        double[] expectedGradient = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double w = labels[i] == 1 ? w1 : w0;
            double zc = Math.max(-clip, Math.min(clip, logits[i]));
            expectedLoss += w * (Math.log1p(Math.exp(-Math.abs(zc))) + Math.max(zc, 0) - labels[i] * zc);
            expectedGradient[i] = w * (sigmoid(logits[i]) - labels[i]);
        }
        try (DeviceArray z = upload(logits); DeviceArray y = upload(labels); DeviceArray sum = DeviceArray.doubles(1)) {
            sum.zero();
            cuda.kernel("weighted_bce", 7).set(0, z).set(1, y).setInt(2, logits.length).setFloat(3, (float) w0)
                    .setFloat(4, (float) w1).setFloat(5, (float) clip).set(6, sum)
                    .launch(logits.length, Kernel.THREADS * Double.BYTES);
            assertThat(sum.downloadDouble()).isCloseTo(expectedLoss, within(1e-5));
            float[] gradient = z.downloadFloats(logits.length);
            for (int i = 0; i < logits.length; i++) {
                assertThat((double) gradient[i]).isCloseTo(expectedGradient[i], within(1e-6));
            }
        }
    }

    /** One step of each updater from the same start, against DL4J's own updater (Lion: the project's) on the CPU. */
    @Test
    void oneStepOfEachUpdaterMatchesDl4j() {
        CudaContext cuda = Gpu.context();
        float[] w = {0.5f, -0.25f, 0.125f};
        float[] summed = {0.2f, -0.4f, 0f};
        float scale = 0.5f;
        double decay = 0.01;
        List<IUpdater> updaters = List.of(new Sgd(0.1), new Nesterovs(0.1, 0.9), new RmsProp(0.01, 0.9, 1e-7),
                new Adam(0.01, 0.9, 0.999, 1e-7), new Nadam(0.01, 0.9, 0.999, 1e-7), new Lion(0.01, 0.9, 0.99));
        for (IUpdater config : updaters) {
            GpuUpdater u = GpuUpdater.of(config).orElseThrow();
            int n = w.length;
            // DL4J on the CPU: u = updater(g / batch), then u += lr * lambda * w, then w -= u
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, Math.max(1, u.stateArrays() * n));
            GradientUpdater<?> dl4j = config.instantiate(u.stateArrays() == 0 ? null : state, true);
            float[] initialState = state.toFloatVector();
            INDArray gradient = Nd4j.create(summed, new long[] {1, n}, 'c').muli(scale);
            dl4j.applyUpdater(gradient, 0, 0);
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = w[i] - (gradient.getFloat(i) + (float) (u.learningRate() * decay * w[i]));
            }
            try (DeviceArray params = upload(w); DeviceArray grads = upload(summed);
                 DeviceArray deviceState = upload(u.stateArrays() == 0 ? new float[1] : initialState)) {
                new UpdateKernel(cuda, u, decay, params, grads, u.stateArrays() == 0 ? null : deviceState)
                        .apply(scale, 0);
                float[] actual = params.downloadFloats(n);
                for (int i = 0; i < n; i++) {
                    assertThat(actual[i]).as("%s w[%d]", u.kernel(), i).isCloseTo(expected[i], within(1e-6f));
                }
            }
        }
    }
}
