package dev.hpo.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LionTest {

    private static final double LR = 0.1;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.99;

    @Test
    void twoStepsMatchTheUpdateComputedByHand() {
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 3);
        LionUpdater updater = (LionUpdater) new Lion(LR, BETA1, BETA2).instantiate(state, true);

        INDArray g1 = Nd4j.createFromArray(new double[][] {{0.5, -2.0, 0.0}});
        updater.applyUpdater(g1, 0, 0);
        // m = 0: c = 0.1 g -> update = 0.1 * sign(g) = (0.1, -0.1, 0); m = 0.01 g = (0.005, -0.02, 0)
        assertThat(g1.toDoubleVector()).containsExactly(new double[] {0.1, -0.1, 0.0}, within(1e-12));
        assertThat(state.toDoubleVector()).containsExactly(new double[] {0.005, -0.02, 0.0}, within(1e-12));

        INDArray g2 = Nd4j.createFromArray(new double[][] {{-0.01, 1.0, 3.0}});
        updater.applyUpdater(g2, 1, 0);
        // c = 0.9 m + 0.1 g = (0.0045 - 0.001, -0.018 + 0.1, 0.3) = (0.0035, 0.082, 0.3): the sign of c, not of g,
        // decides the first component; m = 0.99 m + 0.01 g = (0.00485, -0.0098, 0.03)
        assertThat(g2.toDoubleVector()).containsExactly(new double[] {0.1, 0.1, 0.1}, within(1e-12));
        assertThat(state.toDoubleVector()).containsExactly(new double[] {0.00485, -0.0098, 0.03}, within(1e-12));
    }

    @Test
    void inANetworkTheStepIsLrTimesSignOfGradientPlusDecoupledWeightDecay() {
        double decay = 0.5;
        MultiLayerNetwork network = NetworkBuilder.build(List.of(new LayerSpec.Dense(3, LayerSpec.ACTIVATIONS.get("relu")),
                new LayerSpec.Output()), 2, new OptimizerSettings("lion", new Lion(0.01, BETA1, BETA2), decay), new double[] {1, 1}, 0, 1);
        INDArray x = Nd4j.createFromArray(new float[][] {{0.5f, -1f}, {1.5f, 2f}});
        INDArray y = Nd4j.createFromArray(new float[][] {{1f}, {0f}});
        network.setInput(x);
        network.setLabels(y);
        network.computeGradientAndScore();
        INDArray gradient = network.gradient().gradient().dup();
        INDArray before = network.params().dup();

        network.fit(x, y);

        // First step (m = 0): c = (1 - beta1) g, so w' = w - lr sign(g) - lr * lambda * w (Chen et al. 2023, Alg. 2)
        INDArray expected = before.sub(Nd4j.math().sign(gradient).mul(0.01)).sub(before.mul(0.01 * decay));
        assertThat(network.params().toDoubleVector()).containsExactly(expected.toDoubleVector(), within(1e-6));
    }

    @Test
    void survivesTheJsonConfigurationRoundTrip() {
        Lion lion = new Lion(0.003, 0.85, 0.97);
        MultiLayerNetwork network = NetworkBuilder.build(List.of(new LayerSpec.Dense(4, LayerSpec.ACTIVATIONS.get("relu")),
                new LayerSpec.Output()), 3, new OptimizerSettings("lion", lion, 0), new double[] {1, 3}, 0, 1);

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());

        assertThat(restored).isEqualTo(network.getLayerWiseConfigurations());
        assertThat(((BaseLayer) restored.getConf(0).getLayer()).getIUpdater()).isEqualTo(lion);
    }

    @Test
    void survivesModelSerializerWithItsMomentum() throws IOException {
        MultiLayerNetwork network = NetworkBuilder.build(List.of(new LayerSpec.Dense(4, LayerSpec.ACTIVATIONS.get("relu")),
                new LayerSpec.Output()), 3, new OptimizerSettings("lion", new Lion(0.01, 0.9, 0.99), 0), new double[] {1, 1}, 0, 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3);
        INDArray y = Nd4j.createFromArray(new float[][] {{1}, {0}, {1}, {0}, {1}, {1}, {0}, {0}});
        network.fit(x, y);
        network.fit(x, y);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);

        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);

        assertThat(restored.params()).isEqualTo(network.params());
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(network.getUpdater().getStateViewArray());
        assertThat(network.getUpdater().getStateViewArray().sumNumber().doubleValue()).isNotZero();
        network.fit(x, y);
        restored.fit(x, y);
        assertThat(restored.params()).isEqualTo(network.params());
    }
}
