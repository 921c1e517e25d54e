package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void confusionMatrixAndRatiosMatchAHandCount() {
        int[] labels = {1, 1, 1, 0, 0, 0, 0, 1};
        double[] p = {0.9, 0.6, 0.2, 0.7, 0.1, 0.4, 0.5, 0.51};

        BinaryMetrics.Confusion confusion = BinaryMetrics.confusion(labels, p);

        // p > 0.5: rows 0, 1, 3, 7 -> TP = 3 (0, 1, 7), FP = 1 (3); 0.5 itself is negative (Keras: y_pred > 0.5)
        assertThat(confusion).isEqualTo(new BinaryMetrics.Confusion(3, 1, 3, 1));
        assertThat(confusion.recall()).isEqualTo(0.75);
        assertThat(confusion.precision()).isEqualTo(0.75);
        assertThat(confusion.accuracy()).isEqualTo(0.75);
        assertThat(confusion.f1()).isEqualTo(0.75);
    }

    @Test
    void noPredictedPositiveGivesPrecisionZeroNotNaN() {
        Map<String, Double> metrics = BinaryMetrics.evaluate("val_", new int[] {1, 0, 0, 0}, new double[] {0.4, 0.3, 0.2, 0.1});

        assertThat(metrics.get("val_precision")).isZero();
        assertThat(metrics.get("val_recall")).isZero();
        assertThat(metrics.get("val_f1")).isZero();
        assertThat(metrics.get("val_accuracy")).isEqualTo(0.75);
        assertThat(metrics.get("val_auc")).isEqualTo(1.0);
        assertThat(metrics.values()).allMatch(Double::isFinite);
    }

    @Test
    void rocAucCountsOrderedPairsAndTiesAsHalf() {
        // positives 0.35, 0.8; negatives 0.1, 0.4: pairs won 0.35>0.1, 0.8>0.1, 0.8>0.4 -> 3 of 4
        assertThat(BinaryMetrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8})).isEqualTo(0.75);
        // positives 0.5, 0.9; negatives 0.2, 0.5: 0.5 vs 0.2 won, 0.5 vs 0.5 tie (1/2), 0.9 beats both -> 3.5 of 4
        assertThat(BinaryMetrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.2, 0.5, 0.5, 0.9})).isEqualTo(0.875);
        assertThat(BinaryMetrics.rocAuc(new int[] {1, 0, 1, 0}, new double[] {0.3, 0.3, 0.3, 0.3})).isEqualTo(0.5);
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logLossIsTheMeanCrossEntropyWithClipping() {
        double loss = BinaryMetrics.logLoss(new int[] {1, 0, 1}, new double[] {0.8, 0.25, 0.0});

        double expected = (-Math.log(0.8) - Math.log(0.75) - Math.log(1e-7)) / 3;
        assertThat(loss).isCloseTo(expected, within(1e-12));
    }
}
