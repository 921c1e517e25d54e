package dev.hpo.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BraninTest {

    @Test
    void theThreeGlobalMinimaAreZeroPointThreeNineSevenNineEightSevenNine() {
        for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
            assertThat(Branin.at(Map.of("x1", x[0], "x2", x[1]))).isCloseTo(0.397887, within(1e-5));
        }
    }

    @Test
    void aMissingParameterIsNamed() {
        assertThatThrownBy(() -> Branin.at(Map.of("x1", 1.0))).hasMessageContaining("x2");
    }
}
