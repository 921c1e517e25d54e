package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoxCoxTest {

    @Test
    void lambdaOneIsAShiftZeroIsTheLogarithmAndOneHalfARoot() {
        assertThat(BoxCox.transform(2.5, 1)).isCloseTo(1.5, within(1e-12));
        assertThat(BoxCox.transform(2.5, 0)).isCloseTo(Math.log(2.5), within(1e-12));
        assertThat(BoxCox.transform(4, 0.5)).isCloseTo((2 - 1) / 0.5, within(1e-12));
        assertThat(BoxCox.transform(0.5, -1)).isCloseTo((2 - 1) / -1.0, within(1e-12));
    }

    @Test
    void theDerivativeMatchesAFiniteDifference() {
        for (double lambda : new double[]{-1.3, 0, 0.4, 1.7}) {
            for (double y : new double[]{0.01, 0.7, 3, 250}) {
                double h = 1e-6 * y;
                double numeric = (BoxCox.transform(y + h, lambda) - BoxCox.transform(y - h, lambda)) / (2 * h);
                assertThat(BoxCox.derivative(y, lambda)).as("λ %s, y %s", lambda, y)
                        .isCloseTo(numeric, within(1e-6 * Math.abs(numeric) + 1e-9));
            }
        }
    }

    @Test
    void fittedLambdaRecoversTheTransformThatMadeTheDataNormal() {
        SplittableRandom random = new SplittableRandom(11);
        double[] lognormal = new double[400];
        double[] squared = new double[400];
        for (int i = 0; i < lognormal.length; i++) {
            double z = StandardNormal.sample(random);
            lognormal[i] = Math.exp(z);
            // ψ(y; ½) = 2 (√y − 1) = z / 4 exactly, so y = (1 + z/8)², positive while z > −8.
            squared[i] = Math.pow(1 + z / 8, 2);
        }

        assertThat(BoxCox.fitLambda(lognormal)).isBetween(-0.15, 0.15);
        assertThat(BoxCox.fitLambda(squared)).isBetween(0.2, 0.8);
    }
}
