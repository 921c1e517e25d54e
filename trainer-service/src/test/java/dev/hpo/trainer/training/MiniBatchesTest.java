package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.trainer.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    /** Row i has features (i, -i) and label i % 3 == 0. */
    private static Dataset rows(int n) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, -i};
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        return new Dataset(x, y, List.of("i", "minus_i"));
    }

    private static List<Integer> epochOrder(MiniBatches batches) {
        batches.shuffle();
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < batches.count(); b++) {
            float[][] x = batches.features(b).toFloatMatrix();
            float[] y = batches.labels(b).toFloatVector();
            for (int r = 0; r < x.length; r++) {
                int row = (int) x[r][0];
                assertThat(x[r][1]).isEqualTo(-row);
                assertThat(y[r]).isEqualTo(row % 3 == 0 ? 1f : 0f);
                order.add(row);
            }
        }
        return order;
    }

    @Test
    void eachEpochFeedsEveryRowOnceWithItsLabel() {
        MiniBatches batches = new MiniBatches(rows(10), 4, 1);

        assertThat(batches.count()).isEqualTo(3);
        assertThat(List.of(batches.size(0), batches.size(1), batches.size(2))).containsExactly(4, 4, 2);
        List<Integer> first = epochOrder(batches);
        List<Integer> second = epochOrder(batches);
        assertThat(first).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(second).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).isNotEqualTo(first);
    }

    @Test
    void theSeedFixesTheSequenceOfShuffles() {
        MiniBatches a = new MiniBatches(rows(50), 8, 42);
        MiniBatches b = new MiniBatches(rows(50), 8, 42);

        epochOrder(a);
        epochOrder(b);
        assertThat(epochOrder(a)).isEqualTo(epochOrder(b));
    }
}
