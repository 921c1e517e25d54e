package dev.hpo.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightedBinaryCrossEntropyTest {

    private static final WeightedBinaryCrossEntropy LOSS = new WeightedBinaryCrossEntropy(0.5, 4);
    private static final INDArray LABELS = Nd4j.createFromArray(new double[][] {{1}, {0}, {1}, {0}});
    private static final INDArray LOGITS = Nd4j.createFromArray(new double[][] {{0.7}, {-1.2}, {40}, {40}});

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void perExampleScoreIsTheClassWeightTimesCrossEntropyWithKerasClipping() {
        double[] score = LOSS.computeScoreArray(LABELS, LOGITS, new ActivationSigmoid(), null).toDoubleVector();

        assertThat(score[0]).isCloseTo(4 * -Math.log(sigmoid(0.7)), within(1e-12));
        assertThat(score[1]).isCloseTo(0.5 * -Math.log(1 - sigmoid(-1.2)), within(1e-12));
        assertThat(score[2]).isCloseTo(4 * -Math.log(1 - 1e-7), within(1e-9));
        // p = sigmoid(40) is clipped to 1 - 1e-7, so a confident mistake costs -log(1e-7), not 40
        assertThat(score[3]).isCloseTo(0.5 * -Math.log(1e-7), within(1e-6));
        assertThat(LOSS.computeScore(LABELS, LOGITS, new ActivationSigmoid(), null, true))
                .isCloseTo((score[0] + score[1] + score[2] + score[3]) / 4, within(1e-12));
    }

    @Test
    void gradientIsTheClassWeightTimesPredictionMinusLabel() {
        double[] gradient = LOSS.computeGradient(LABELS, LOGITS, new ActivationSigmoid(), null).toDoubleVector();

        assertThat(gradient).containsExactly(new double[] {4 * (sigmoid(0.7) - 1), 0.5 * sigmoid(-1.2), 0, 0.5},
                within(1e-12));
    }

    @Test
    void theHostVersionGivesTheSameScoreSumAndGradientAsTheNd4jOne() {
        float[] gradient = new float[4];

        double sum = LOSS.scoreAndGradient(new float[] {1, 0, 1, 0}, new float[] {0.7f, -1.2f, 40, 40}, gradient);

        // the logit 40 is clipped in the score, not in the gradient, on both paths
        double expectedSum = LOSS.computeScore(LABELS, LOGITS, new ActivationSigmoid(), null, false);
        assertThat(sum).isCloseTo(expectedSum, within(1e-6));
        double[] expected = LOSS.computeGradient(LABELS, LOGITS, new ActivationSigmoid(), null).toDoubleVector();
        for (int i = 0; i < 4; i++) {
            assertThat((double) gradient[i]).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void onlyASigmoidOutputIsAccepted() {
        assertThatThrownBy(() -> LOSS.computeGradient(LABELS, LOGITS, new ActivationReLU(), null))
                .isInstanceOf(IllegalStateException.class);
    }
}
