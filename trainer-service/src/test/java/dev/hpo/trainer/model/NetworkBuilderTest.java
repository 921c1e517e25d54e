package dev.hpo.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.trainer.training.HyperParameters;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

class NetworkBuilderTest {

    private static final OptimizerSettings ADAM = new OptimizerSettings("adam", new Adam(1e-3), 0);

    private static MultiLayerNetwork fraudMlp(Map<String, Object> params, double bias) {
        return NetworkBuilder.build(ModelTemplate.fraudMlp().resolve(new HyperParameters(params)), 30, ADAM,
                new double[] {1, 1}, bias, 1);
    }

    @Test
    void fraudMlpHasTheReferenceShape() {
        double bias = Math.log(100.0 / 900.0);
        MultiLayerNetwork network = fraudMlp(Map.of("neurons1", 40, "neurons2", 20.0, "dropout_rate1", 0.2,
                "dropout_rate2", 0.3), bias);

        assertThat(network.getnLayers()).isEqualTo(5);
        DenseLayer first = (DenseLayer) network.getLayer(0).conf().getLayer();
        assertThat(first.getNIn()).isEqualTo(30);
        assertThat(first.getNOut()).isEqualTo(40);
        assertThat(first.getActivationFn()).isEqualTo(Activation.RELU.getActivationFunction());
        // DL4J's dropout argument is the retain probability: rate 0.2 keeps 80%
        assertThat(((Dropout) ((DropoutLayer) network.getLayer(1).conf().getLayer()).getIDropout()).getP())
                .isCloseTo(0.8, within(1e-12));
        assertThat(((DenseLayer) network.getLayer(2).conf().getLayer()).getNOut()).isEqualTo(20);
        assertThat(((Dropout) ((DropoutLayer) network.getLayer(3).conf().getLayer()).getIDropout()).getP())
                .isCloseTo(0.7, within(1e-12));
        OutputLayer output = (OutputLayer) network.getLayer(4).conf().getLayer();
        assertThat(output.getNOut()).isEqualTo(1);
        assertThat(output.getActivationFn()).isEqualTo(Activation.SIGMOID.getActivationFunction());
        assertThat(output.getLossFn()).isEqualTo(new WeightedBinaryCrossEntropy(1, 1));
        assertThat(network.numParams()).isEqualTo(30 * 40 + 40 + 40 * 20 + 20 + 20 + 1);
        assertThat(network.getLayer(4).getParam("b").getDouble(0)).isCloseTo(bias, within(1e-6));
        assertThat(network.getLayer(0).getParam("b").sumNumber().doubleValue()).isZero();
    }

    @Test
    void untrainedNetworkPredictsAboutTheBaseRateThanksToTheOutputBias() {
        MultiLayerNetwork network = fraudMlp(Map.of("dropout_rate1", 0.0, "dropout_rate2", 0.0), Math.log(1.0 / 9));
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2000, 30).muli(0.05);

        assertThat(network.output(x).meanNumber().doubleValue()).isCloseTo(0.1, within(0.02));
    }

    @Test
    void dropoutRateZeroAddsNoDropoutLayer() {
        MultiLayerNetwork network = fraudMlp(Map.of("dropout_rate1", 0, "dropout_rate2", 0.0), 0);

        assertThat(network.getnLayers()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(network.getLayer(i).conf().getLayer()).isNotInstanceOf(DropoutLayer.class);
        }
    }

    @Test
    void classWeightsScaleEachExamplesLossAndStepAsKerasClassWeight() {
        // Logistic regression on one input with w = 0 and bias 0.3, so p = sigmoid(0.3) for every row; SGD with
        // learning rate 1 makes the step equal to minus the batch-mean gradient.
        MultiLayerNetwork network = NetworkBuilder.build(List.of(new LayerSpec.Output()), 1,
                new OptimizerSettings("sgd", new Sgd(1), 0), new double[] {0.5, 5}, 0.3, 1);
        network.getLayer(0).getParam("W").assign(0);
        INDArray before = network.params().dup();

        network.fit(Nd4j.createFromArray(new float[][] {{1}, {2}, {-1}}), Nd4j.createFromArray(new float[][] {{1}, {0}, {0}}));

        double p = 1 / (1 + Math.exp(-0.3));
        // weights by class: row 0 (class 1) 5, rows 1 and 2 (class 0) 0.5; loss = batch mean of weight_i * BCE_i
        double expectedScore = (5 * -Math.log(p) + 0.5 * -Math.log(1 - p) + 0.5 * -Math.log(1 - p)) / 3;
        // d/db = mean of weight_i * (p - y_i); d/dW = mean of weight_i * (p - y_i) * x_i
        double biasGradient = (5 * (p - 1) + 0.5 * p + 0.5 * p) / 3;
        double weightGradient = (5 * (p - 1) * 1 + 0.5 * p * 2 + 0.5 * p * -1) / 3;
        assertThat(network.score()).isCloseTo(expectedScore, within(1e-5));
        INDArray step = network.params().sub(before);
        assertThat(step.getDouble(0)).isCloseTo(-weightGradient, within(1e-5));
        assertThat(step.getDouble(1)).isCloseTo(-biasGradient, within(1e-5));
    }
}
