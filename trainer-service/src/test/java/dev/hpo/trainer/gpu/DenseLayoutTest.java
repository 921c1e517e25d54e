package dev.hpo.trainer.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.hpo.trainer.model.LayerSpec;
import dev.hpo.trainer.model.NetworkBuilder;
import dev.hpo.trainer.model.Optimizers;
import dev.hpo.trainer.training.HyperParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the GPU step reads from a DL4J network, checked against DL4J's own parameter views (no GPU needed). */
class DenseLayoutTest {

    private static final List<LayerSpec> REFERENCE = List.of(new LayerSpec.Dense(40, LayerSpec.ACTIVATIONS.get("relu")),
            new LayerSpec.Dropout(0.2), new LayerSpec.Dense(20, LayerSpec.ACTIVATIONS.get("tanh")),
            new LayerSpec.Dropout(0.1), new LayerSpec.Output());

    private static MultiLayerNetwork network(List<LayerSpec> layers, Map<String, Object> params) {
        return NetworkBuilder.build(layers, 30, Optimizers.fromParams(new HyperParameters(params)),
                new double[] {0.55, 5.0}, -2.2, 3);
    }

    @Test
    void offsetsAreWhereDl4jKeepsEachLayersWeightsAndBiases() {
        MultiLayerNetwork network = network(REFERENCE, Map.of("optimizer", "adamw", "weight_decay_adamw", 0.01));
        DenseLayout layout = DenseLayout.of(network);
        assertThat(layout.stages()).hasSize(5);
        assertThat(layout.stages().get(1)).isEqualTo(new DenseLayout.Drop(0.8f, 40));
        assertThat(layout.stages().get(3)).isEqualTo(new DenseLayout.Drop(0.9f, 20));
        List<DenseLayout.Dense> dense = layout.denseStages();
        assertThat(dense).extracting(DenseLayout.Dense::inputs).containsExactly(30, 40, 20);
        assertThat(dense).extracting(DenseLayout.Dense::outputs).containsExactly(40, 20, 1);
        assertThat(dense.get(2).activation()).isNull();
        assertThat(dense.get(1).activation()).isEqualTo(new GpuActivation(GpuActivation.TANH, 0));
        float[] flat = network.params().toFloatVector();
        int[] layerOfDense = {0, 2, 4};
        for (int i = 0; i < 3; i++) {
            DenseLayout.Dense d = dense.get(i);
            INDArray w = network.getLayer(layerOfDense[i]).getParam("W");
            INDArray b = network.getLayer(layerOfDense[i]).getParam("b");
            // W column-major: element (r, c) at weightOffset + r + inputs * c, as cuBLAS reads it
            int weights = (int) d.weightOffset();
            assertThat(Arrays.copyOfRange(flat, weights, weights + d.inputs() * d.outputs()))
                    .containsExactly(columnMajor(w));
            int biases = (int) d.biasOffset();
            assertThat(Arrays.copyOfRange(flat, biases, biases + d.outputs())).containsExactly(b.toFloatVector());
        }
        assertThat(layout.parameters()).isEqualTo(30 * 40 + 40 + 40 * 20 + 20 + 20 + 1);
        assertThat(layout.lossWeights()).containsExactly(0.55, 5.0);
        assertThat(layout.weightDecay()).isEqualTo(0.01);
        assertThat(layout.updater().kernel()).isEqualTo("adam");
        assertThat(layout.updater().stateArrays()).isEqualTo(2);
    }

    /** The matrix's elements column by column, read one by one (ND4J's ravel('f') fails on these views). */
    private static float[] columnMajor(INDArray matrix) {
        int rows = (int) matrix.size(0);
        int columns = (int) matrix.size(1);
        float[] out = new float[rows * columns];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                out[r + rows * c] = matrix.getFloat(r, c);
            }
        }
        return out;
    }

    @Test
    void everyOptimizerOfTheTrainerHasAKernel() {
        Map<String, String> kernels = Map.of("adam", "adam", "adamw", "adam", "nadam", "nadam", "rmsprop", "rmsprop",
                "sgd", "sgd", "lion", "lion");
        kernels.forEach((optimizer, kernel) -> assertThat(DenseLayout.of(network(REFERENCE,
                Map.of("optimizer", optimizer))).updater().kernel()).as(optimizer).isEqualTo(kernel));
        assertThat(DenseLayout.of(network(REFERENCE, Map.of("optimizer", "sgd", "momentum_sgd", 0.9))).updater()
                .kernel()).isEqualTo("nesterovs");
    }

    @Test
    void aBatchNormLayerIsRefusedByName() {
        List<LayerSpec> layers = List.of(new LayerSpec.Dense(8, LayerSpec.ACTIVATIONS.get("relu")),
                new LayerSpec.BatchNorm(), new LayerSpec.Output());
        assertThat(DenseLayout.unsupported(network(layers, Map.of()))).hasValueSatisfying(
                reason -> assertThat(reason).contains("BatchNormalization"));
    }

    @Test
    void anActivationWithoutKernelIsRefusedByName() {
        List<LayerSpec> layers = List.of(new LayerSpec.Dense(8, LayerSpec.ACTIVATIONS.get("gelu")),
                new LayerSpec.Output());
        assertThatThrownBy(() -> DenseLayout.of(network(layers, Map.of())))
                .hasMessageContaining("layer 0's activation gelu(precise=false) has no GPU kernel");
    }

    @Test
    void aStepsProductsAreCountedPerLayer() {
        // forward and weight gradient for every layer, the input gradient for all but the first
        long expected = 2L * 50 * (6 * 16 * 2 + 16 * 8 * 3 + 8 * 4 * 3 + 4 * 3);
        assertThat(SgemmReference.productFlops(50, new int[] {6, 16, 8, 4, 1})).isEqualTo(expected);
    }

    @Test
    void adamsBiasCorrectionIsLibnd4jsAtEachIteration() {
        GpuUpdater adam = new GpuUpdater("adam", 1e-3, 0.9, 0.999, 1e-7, 2);
        assertThat(adam.stepScalar(0)).isCloseTo(1e-3 * Math.sqrt(0.001) / 0.1, offset(1e-12));
        assertThat(adam.stepScalar(9)).isCloseTo(1e-3 * Math.sqrt(1 - Math.pow(0.999, 10)) / (1 - Math.pow(0.9, 10)),
                offset(1e-12));
        assertThat(new GpuUpdater("nadam", 1e-3, 0.9, 0.999, 1e-7, 2).stepScalar(1)).isCloseTo(1 - 0.81,
                offset(1e-12));
        assertThat(new GpuUpdater("lion", 1e-3, 0.9, 0.99, 0, 1).stepScalar(5)).isZero();
    }
}
