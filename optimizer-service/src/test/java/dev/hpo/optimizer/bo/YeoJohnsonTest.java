package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class YeoJohnsonTest {

    @Test
    void lambdaOneIsTheIdentityAndZeroAndTwoAreLogarithms() {
        assertThat(YeoJohnson.transform(2.5, 1)).isCloseTo(2.5, within(1e-12));
        assertThat(YeoJohnson.transform(-1.5, 1)).isCloseTo(-1.5, within(1e-12));
        assertThat(YeoJohnson.transform(2.5, 0)).isCloseTo(Math.log(3.5), within(1e-12));
        assertThat(YeoJohnson.transform(-1.5, 2)).isCloseTo(-Math.log(2.5), within(1e-12));
        assertThat(YeoJohnson.transform(3, 0.5)).isCloseTo((Math.sqrt(4) - 1) / 0.5, within(1e-12));
    }

    @Test
    void fittedLambdaUndoesAnExponentialSkewAndLeavesNormalDataAlone() {
        SplittableRandom random = new SplittableRandom(5);
        double[] normal = new double[400];
        double[] lognormal = new double[400];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = StandardNormal.sample(random);
            lognormal[i] = Math.exp(normal[i]) - 1;
        }

        // y = e^z − 1 ≥ −1 is log(1 + y) = z when y ≥ 0, so λ = 0 fits the right tail exactly.
        assertThat(YeoJohnson.fitLambda(lognormal)).isBetween(-0.3, 0.3);
        assertThat(YeoJohnson.fitLambda(normal)).isBetween(0.8, 1.2);
    }
}
