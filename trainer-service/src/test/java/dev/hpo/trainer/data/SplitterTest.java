package dev.hpo.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.trainer.training.TrialException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 1000 rows, 100 of class 1; each row's single feature is its index, to trace rows through the split. */
    private static Dataset indexed(int rows, int positives) {
        double[][] x = new double[rows][];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = new double[] {i};
            y[i] = i % (rows / positives) == 0 ? 1 : 0;
        }
        return new Dataset(x, y, List.of("index"));
    }

    @Test
    void stratifiedSplitKeepsEachClassShareInEveryPart() {
        Split split = Splitter.split(indexed(1000, 100), new SplitSpec(0.2, 0.2, true, 7));

        assertThat(split.train().rows()).isEqualTo(600);
        assertThat(split.train().positives()).isEqualTo(60);
        assertThat(split.validation().rows()).isEqualTo(200);
        assertThat(split.validation().positives()).isEqualTo(20);
        assertThat(split.test().rows()).isEqualTo(200);
        assertThat(split.test().positives()).isEqualTo(20);
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        Split split = Splitter.split(indexed(1000, 100), new SplitSpec(0.25, 0.1, true, 3));

        List<Double> all = new ArrayList<>();
        for (Dataset part : List.of(split.train(), split.validation(), split.test())) {
            Arrays.stream(part.features()).forEach(row -> all.add(row[0]));
        }
        assertThat(all).hasSize(1000);
        assertThat(new HashSet<>(all)).hasSize(1000);
    }

    @Test
    void theSeedDecidesWhichRowsGoWhere() {
        Set<Double> a = indices(Splitter.split(indexed(1000, 100), new SplitSpec(0.2, 0, true, 1)).validation());
        Set<Double> b = indices(Splitter.split(indexed(1000, 100), new SplitSpec(0.2, 0, true, 1)).validation());
        Set<Double> c = indices(Splitter.split(indexed(1000, 100), new SplitSpec(0.2, 0, true, 2)).validation());

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void unstratifiedSplitCutsTheShuffledRowsByTheFractions() {
        Split split = Splitter.split(indexed(1000, 100), new SplitSpec(0.3, 0, false, 5));

        assertThat(split.validation().rows()).isEqualTo(300);
        assertThat(split.train().rows()).isEqualTo(700);
        assertThat(split.test().rows()).isZero();
    }

    @Test
    void aPartWithoutPositivesIsRejected() {
        assertThatThrownBy(() -> Splitter.split(indexed(1000, 2), new SplitSpec(0.1, 0, true, 5)))
                .isInstanceOf(TrialException.class)
                .hasMessageContaining("validation part (100 rows) with no row of class 1");
    }

    @Test
    void fractionsMustLeaveTrainingRows() {
        assertThatThrownBy(() -> new SplitSpec(0.6, 0.4, true, 1))
                .hasMessageContaining("trainer.split.validation (0.6) + trainer.split.test (0.4) must be < 1");
        assertThatThrownBy(() -> new SplitSpec(0, 0.4, true, 1)).hasMessageContaining("trainer.split.validation (0.0)");
    }

    private static Set<Double> indices(Dataset part) {
        Set<Double> result = new HashSet<>();
        Arrays.stream(part.features()).forEach(row -> result.add(row[0]));
        return result;
    }
}
