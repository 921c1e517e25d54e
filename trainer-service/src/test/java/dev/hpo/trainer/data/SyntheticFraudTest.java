package dev.hpo.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.trainer.training.TrialException;
import org.junit.jupiter.api.Test;

class SyntheticFraudTest {

    private static SyntheticFraudSpec spec(int rows, double positiveRate, long seed, double flipY) {
        return new SyntheticFraudSpec(rows, 12, positiveRate, seed, 4, 4, 2, 1.0, flipY);
    }

    @Test
    void sameSpecGivesTheSameTableAndAnotherSeedAnotherOne() {
        Dataset a = spec(500, 0.1, 7, 0.01).load();
        Dataset b = spec(500, 0.1, 7, 0.01).load();
        Dataset c = spec(500, 0.1, 8, 0.01).load();

        assertThat(a.features()).isDeepEqualTo(b.features());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.features()[0]).isNotEqualTo(c.features()[0]);
    }

    @Test
    void withoutLabelNoiseThePositiveCountIsRoundedRowsTimesRate() {
        Dataset data = spec(1000, 0.1, 3, 0).load();

        assertThat(data.rows()).isEqualTo(1000);
        assertThat(data.columns()).isEqualTo(12);
        assertThat(data.positives()).isEqualTo(100);
        assertThat(data.featureNames()).startsWith("f00", "f01").endsWith("f11");
    }

    @Test
    void labelNoiseRedrawsAboutFlipYOfTheLabelsAtRandom() {
        Dataset data = spec(4000, 0.1, 5, 0.2).load();

        // expected share: 0.1 * (1 - 0.2) + 0.2 / 2 = 0.18; binomial sd on 4000 rows is about 0.006
        assertThat(data.positives() / 4000.0).isBetween(0.16, 0.20);
    }

    @Test
    void redundantColumnsAreLinearCombinationsOfOthersAndNoiseColumnsAreNot() {
        // 12 columns: 4 informative, 4 redundant, 4 noise; the redundant ones lie in the informative span, so the
        // rank of the 12 x 12 Gram matrix of the centred columns is 8.
        Dataset data = spec(300, 0.3, 11, 0).load();

        assertThat(rank(data.features(), 12)).isEqualTo(8);
    }

    @Test
    void invalidSpecsNameTheFieldAndValue() {
        assertThatThrownBy(() -> spec(10, 0.1, 1, 0)).isInstanceOf(TrialException.class)
                .hasMessageContaining("trainer.dataset.rows (10)");
        assertThatThrownBy(() -> spec(100, 0, 1, 0)).hasMessageContaining("trainer.dataset.positiveRate (0.0)");
        assertThatThrownBy(() -> spec(100, 0.001, 1, 0)).hasMessageContaining("gives 0 positive rows");
        assertThatThrownBy(() -> new SyntheticFraudSpec(100, 12, 0.1, 1, 2, 0, 3, 1, 0))
                .hasMessageContaining("trainer.dataset.clustersPerClass (3)");
        assertThatThrownBy(() -> new SyntheticFraudSpec(100, 12, 0.1, 1, 4, 9, 2, 1, 0))
                .hasMessageContaining("trainer.dataset.redundant (9)");
    }

    /** Rank by Gaussian elimination with partial pivoting on the column covariance matrix. */
    private static int rank(double[][] x, int columns) {
        double[] mean = new double[columns];
        for (double[] row : x) {
            for (int c = 0; c < columns; c++) {
                mean[c] += row[c] / x.length;
            }
        }
        double[][] gram = new double[columns][columns];
        for (double[] row : x) {
            for (int i = 0; i < columns; i++) {
                for (int j = 0; j < columns; j++) {
                    gram[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
            }
        }
        double scale = 0;
        for (int i = 0; i < columns; i++) {
            scale = Math.max(scale, gram[i][i]);
        }
        int rank = 0;
        boolean[] used = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            int pivot = -1;
            for (int r = 0; r < columns; r++) {
                if (!used[r] && Math.abs(gram[r][c]) > 1e-9 * scale && (pivot < 0
                        || Math.abs(gram[r][c]) > Math.abs(gram[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            used[pivot] = true;
            rank++;
            for (int r = 0; r < columns; r++) {
                if (r != pivot) {
                    double factor = gram[r][c] / gram[pivot][c];
                    for (int k = c; k < columns; k++) {
                        gram[r][k] -= factor * gram[pivot][k];
                    }
                }
            }
        }
        return rank;
    }
}
