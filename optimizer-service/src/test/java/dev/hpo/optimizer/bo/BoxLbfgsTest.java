package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoxLbfgsTest {

    private final BoxLbfgs lbfgs = new BoxLbfgs(500, 1e-10, 0);

    @Test
    void findsTheMinimumOfTheRosenbrockValleyInsideTheBox() {
        BoxLbfgs.Objective rosenbrock = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };

        BoxLbfgs.Result r = lbfgs.minimise(rosenbrock, new double[]{-1.2, 1}, new double[]{-5, -5},
                new double[]{5, 5});

        assertThat(r.x()).containsExactly(new double[]{1, 1}, within(1e-5));
        assertThat(r.value()).isLessThan(1e-10);
    }

    @Test
    void stopsOnTheBoundWhenTheUnconstrainedMinimumLiesOutside() {
        // (x − 2)² + (y + 0.5)² over [0, 1]²: the minimum is at (1, 0).
        BoxLbfgs.Objective bowl = (x, g) -> {
            g[0] = 2 * (x[0] - 2);
            g[1] = 2 * (x[1] + 0.5);
            return (x[0] - 2) * (x[0] - 2) + (x[1] + 0.5) * (x[1] + 0.5);
        };

        BoxLbfgs.Result r = lbfgs.minimise(bowl, new double[]{0.3, 0.7}, new double[]{0, 0}, new double[]{1, 1});

        assertThat(r.x()).containsExactly(1.0, 0.0);
        assertThat(r.value()).isCloseTo(1.25, within(1e-12));
    }
}
