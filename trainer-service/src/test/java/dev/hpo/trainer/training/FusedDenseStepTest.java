package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.trainer.data.Dataset;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import dev.hpo.trainer.model.LayerSpec;
import dev.hpo.trainer.model.NetworkBuilder;
import dev.hpo.trainer.model.OptimizerSettings;
import dev.hpo.trainer.model.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FusedDenseStepTest {

    private static final int FEATURES = 6;
    /** Unequal class weights, so that a wrong weighting changes every value compared. */
    private static final double[] CLASS_WEIGHTS = {0.6, 3.0};
    private static final Dataset DATA = SyntheticFraudSpec.of(200, FEATURES, 0.2, 5).load();

    private static List<LayerSpec> twoHiddenLayers(String activation, double dropout) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.Dense(12, LayerSpec.ACTIVATIONS.get(activation)));
        layers.add(new LayerSpec.Dropout(dropout));
        layers.add(new LayerSpec.Dense(7, LayerSpec.ACTIVATIONS.get(activation)));
        layers.add(new LayerSpec.Dropout(dropout));
        layers.add(new LayerSpec.Output());
        return layers;
    }

    private static MultiLayerNetwork network(List<LayerSpec> layers, OptimizerSettings optimizer) {
        return NetworkBuilder.build(layers, FEATURES, optimizer, CLASS_WEIGHTS, -1.2, 11);
    }

    private static OptimizerSettings optimizer(String name) {
        return Optimizers.fromParams(new HyperParameters(Map.of("optimizer", name, "learning_rate", 0.01,
                "weight_decay_adamw", 0.05, "weight_decay_lion", 0.1)));
    }

    /** 200 rows in batches of 32: six full batches and a last one of 8 rows. */
    private static MiniBatches shuffledBatches() {
        MiniBatches batches = new MiniBatches(DATA, 32, 3);
        batches.shuffle();
        return batches;
    }

    /** ||actual - expected|| / ||expected||. */
    private static double relativeError(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "sigmoid", "elu", "leaky_relu", "linear", "selu", "swish"})
    void theGradientAndLossEqualDl4jsForOneBatch(String activation) {
        MultiLayerNetwork reference = network(twoHiddenLayers(activation, 0), optimizer("adam"));
        MultiLayerNetwork fused = reference.clone();
        MiniBatches batches = shuffledBatches();
        INDArray x = batches.features(0);
        INDArray y = batches.labels(0);
        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();

        double loss = new FusedDenseStep(fused).computeGradient(x, y);

        INDArray expected = reference.gradient().gradient();
        assertThat(relativeError(fused.getGradientsViewArray(), expected)).isLessThan(1e-5);
        assertThat(expected.norm2Number().doubleValue()).isGreaterThan(1e-3);
        assertThat(loss).isCloseTo(reference.score(), within(1e-6 * reference.score()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw", "lion", "nadam", "rmsprop", "sgd"})
    void stepsLeaveTheSameWeightsAsDl4jsFit(String optimizer) {
        MultiLayerNetwork reference = network(twoHiddenLayers("relu", 0), optimizer(optimizer));
        MultiLayerNetwork fused = reference.clone();
        FusedDenseStep step = new FusedDenseStep(fused);
        MiniBatches batches = shuffledBatches();
        INDArray initial = reference.params().dup();

        for (int b = 0; b < batches.count(); b++) {
            // DL4J's score adds the weight-decay term of the weights the loss was computed with, before the update
            double decayTerm = reference.calcRegularizationScore(true);
            reference.fit(batches.features(b), batches.labels(b));
            double loss = step.fit(batches.features(b), batches.labels(b));
            double expectedLoss = reference.score() - decayTerm;
            assertThat(loss).as("loss of batch %d", b).isCloseTo(expectedLoss, within(1e-5 * expectedLoss));
        }

        assertThat(fused.getIterationCount()).isEqualTo(reference.getIterationCount()).isEqualTo(batches.count());
        // the weights moved by far more than the tolerance, and equally
        assertThat(reference.params().sub(initial).amaxNumber().doubleValue()).isGreaterThan(0.01);
        assertThat(fused.params().sub(reference.params()).amaxNumber().doubleValue()).isLessThan(1e-4);
        INDArray state = reference.getUpdater().getStateViewArray();
        if (state != null) {
            assertThat(relativeError(fused.getUpdater().getStateViewArray(), state)).isLessThan(1e-4);
        }
    }

    @Test
    void withDropoutTheStepsEqualDl4jsFitFromTheSameRandomState() {
        MultiLayerNetwork reference = network(twoHiddenLayers("relu", 0.3), optimizer("adam"));
        MultiLayerNetwork fused = reference.clone();
        FusedDenseStep step = new FusedDenseStep(fused);
        MiniBatches batches = shuffledBatches();

        Nd4j.getRandom().setSeed(21);
        for (int b = 0; b < batches.count(); b++) {
            reference.fit(batches.features(b), batches.labels(b));
        }
        Nd4j.getRandom().setSeed(21);
        for (int b = 0; b < batches.count(); b++) {
            step.fit(batches.features(b), batches.labels(b));
        }

        assertThat(fused.params().sub(reference.params()).amaxNumber().doubleValue()).isLessThan(1e-4);
    }

    @Test
    void dropoutZeroesAShareOneMinusPAndScalesTheKeptUnitsByOneOverP() {
        double p = 0.7;
        FusedDropout dropout = new FusedDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(p), DataType.FLOAT,
                100, 40);
        INDArray input = Nd4j.valueArrayOf(new long[] {100, 40}, 2.0f, DataType.FLOAT);
        long zeros = 0;
        long total = 0;
        for (int i = 0; i < 25; i++) {
            float[] out = dropout.forward(input, i, 0).data().asFloat();
            for (float value : out) {
                assertThat(value == 0f || Math.abs(value - 2 / p) < 1e-5).as("output %s", value).isTrue();
                zeros += value == 0f ? 1 : 0;
            }
            total += out.length;
        }

        // 100,000 Bernoulli draws: the standard deviation of the share is 0.0014
        assertThat((double) zeros / total).isCloseTo(1 - p, within(0.01));
        INDArray upstream = Nd4j.ones(DataType.FLOAT, 100, 40);
        assertThat(dropout.backward(upstream)).isEqualTo(dropout.mask());
        assertThat(dropout.mask().maxNumber().doubleValue()).isCloseTo(1 / p, within(1e-6));
    }

    @Test
    void supportsDenseAndDropoutNetworksOnly() {
        assertThat(FusedDenseStep.supports(network(twoHiddenLayers("relu", 0.2), optimizer("adam")))).isTrue();
        assertThat(FusedDenseStep.supports(network(List.of(new LayerSpec.Output()), optimizer("sgd")))).isTrue();
        MultiLayerNetwork batchNorm = network(List.of(new LayerSpec.Dense(8, LayerSpec.ACTIVATIONS.get("tanh")),
                new LayerSpec.BatchNorm(), new LayerSpec.Output()), optimizer("adam"));
        assertThat(FusedDenseStep.supports(batchNorm)).isFalse();
        MultiLayerNetwork listened = network(twoHiddenLayers("relu", 0), optimizer("adam"));
        listened.setListeners(new ScoreIterationListener(100));
        assertThat(FusedDenseStep.supports(listened)).isFalse();
    }

    @Test
    void anUnsupportedNetworkTrainsThroughDl4jsFit() {
        Nd4j.getRandom().setSeed(4);
        MultiLayerNetwork batchNorm = network(List.of(new LayerSpec.Dense(8, LayerSpec.ACTIVATIONS.get("tanh")),
                new LayerSpec.BatchNorm(), new LayerSpec.Output()), optimizer("adam"));
        TrainingStep step = TrainingStep.of(batchNorm, false);
        MiniBatches batches = new MiniBatches(DATA, 32, 3);

        double first = TrainingLoop.fitEpoch(step, batches, () -> false).orElseThrow();
        double last = first;
        for (int epoch = 0; epoch < 5; epoch++) {
            last = TrainingLoop.fitEpoch(step, batches, () -> false).orElseThrow();
        }

        assertThat(step).isInstanceOf(FitStep.class);
        assertThat(last).isLessThan(first);
        assertThat(batchNorm.getEpochCount()).isEqualTo(6);
        assertThat(batchNorm.getIterationCount()).isEqualTo(6 * batches.count());
    }

    @Test
    void twoTrainingsWithTheSameSeedEndWithIdenticalWeightsAndLosses() {
        List<Double> lossesA = new ArrayList<>();
        List<Double> lossesB = new ArrayList<>();
        INDArray a = trainWithDropout(lossesA);
        INDArray b = trainWithDropout(lossesB);

        assertThat(b).isEqualTo(a);
        assertThat(lossesB).isEqualTo(lossesA);
    }

    private static INDArray trainWithDropout(List<Double> losses) {
        Nd4j.getRandom().setSeed(9);
        MultiLayerNetwork network = network(twoHiddenLayers("relu", 0.25), optimizer("adam"));
        Nd4j.getRandom().setSeed(9);
        TrainingStep step = TrainingStep.of(network, false);
        MiniBatches batches = new MiniBatches(DATA, 16, 9);
        for (int epoch = 0; epoch < 3; epoch++) {
            losses.add(TrainingLoop.fitEpoch(step, batches, () -> false).orElseThrow());
        }
        assertThat(step).isInstanceOf(FusedDenseStep.class);
        return network.params().dup();
    }
}
