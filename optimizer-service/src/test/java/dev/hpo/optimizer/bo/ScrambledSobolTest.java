package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ScrambledSobolTest {

    @Test
    void everyCoordinateOfThe64FirstPointsFillsEach64thOfTheIntervalOnce() {
        ScrambledSobol sobol = new ScrambledSobol(5, new SplittableRandom(3));
        int[][] counts = new int[5][64];

        for (int i = 0; i < 64; i++) {
            double[] p = sobol.next();
            for (int j = 0; j < 5; j++) {
                assertThat(p[j]).isGreaterThanOrEqualTo(0).isLessThan(1);
                counts[j][(int) (p[j] * 64)]++;
            }
        }

        for (int[] c : counts) {
            assertThat(c).containsOnly(1);
        }
    }

    @Test
    void theShiftDependsOnTheSeedAndRemovesTheCornerPoint() {
        double[] a = new ScrambledSobol(3, new SplittableRandom(1)).next();
        double[] b = new ScrambledSobol(3, new SplittableRandom(1)).next();
        double[] c = new ScrambledSobol(3, new SplittableRandom(2)).next();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(Arrays.stream(a).allMatch(v -> v == 0)).isFalse();
    }
}
