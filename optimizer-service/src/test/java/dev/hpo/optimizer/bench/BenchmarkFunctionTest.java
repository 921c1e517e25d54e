package dev.hpo.optimizer.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchmarkFunctionTest {

    @Test
    void eachFunctionTakesItsPublishedMinimumAtItsPublishedMinimiser() {
        assertThat(BenchmarkFunction.BRANIN.evaluate(new double[]{Math.PI, 2.275})).isCloseTo(0.397887, within(1e-6));
        assertThat(BenchmarkFunction.BRANIN.evaluate(new double[]{9.42478, 2.475})).isCloseTo(0.397887, within(1e-6));
        assertThat(BenchmarkFunction.HARTMANN6.evaluate(
                new double[]{0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573})).isCloseTo(-3.32237,
                within(1e-5));
        assertThat(BenchmarkFunction.ACKLEY5.evaluate(new double[5])).isCloseTo(0, within(1e-12));
        // At a unit vector the cosines sum to d, so only the first term is left: 20 − 20 exp(−0.2 √(1/5)).
        assertThat(BenchmarkFunction.ACKLEY5.evaluate(new double[]{1, 0, 0, 0, 0})).isCloseTo(1.71119, within(1e-5));
        assertThat(BenchmarkFunction.ROSENBROCK4.evaluate(new double[]{1, 1, 1, 1})).isZero();
        assertThat(BenchmarkFunction.ROSENBROCK4.evaluate(new double[]{0, 0, 0, 0})).isEqualTo(3.0);
    }

    @Test
    void theMixedFunctionIsZeroAtItsOptimumAndEveryPartCosts() {
        Map<String, Object> best = new LinkedHashMap<>(Map.of("x", 1.2, "lr", Math.pow(10, -1.5), "layers", 4L,
                "act", "relu", "norm", true));
        Map<String, Object> worse = new LinkedHashMap<>(best);
        worse.put("act", "tanh");
        worse.put("norm", false);

        assertThat(BenchmarkFunction.MIXED5.evaluate(best)).isCloseTo(0, within(1e-12));
        assertThat(BenchmarkFunction.MIXED5.evaluate(worse)).isCloseTo(0.3 + 0.4, within(1e-12));
        assertThat(BenchmarkFunction.MIXED5.space().check(best)).isEmpty();
    }

    @Test
    void gramacysConstrainedMinimiserIsFeasibleAndALowerSumIsNot() {
        BenchmarkFunction f = BenchmarkFunction.GRAMACY;
        Map<String, Object> best = Map.of("x1", 0.19494, "x2", 0.40485);
        Map<String, Object> lower = Map.of("x1", 0.19494, "x2", 0.40385);

        assertThat(f.evaluate(best)).isCloseTo(f.minimum(), within(1e-9));
        assertThat(f.constraints()).allSatisfy(c -> assertThat(c.holds(f.metrics(best).get(c.metric()))).isTrue());
        assertThat(f.constraints().get(0).holds(f.metrics(lower).get("c1"))).isFalse();
        // c2 at the origin: 0 + 0 − 3/2
        assertThat(f.metrics(Map.of("x1", 0.0, "x2", 0.0))).containsEntry("c2", -1.5);
        assertThat(BenchmarkFunction.BRANIN.metrics(Map.of("x1", 0.0, "x2", 0.0))).isEmpty();
    }

    @Test
    void configurationsAreEvaluatedByParameterName() {
        assertThat(BenchmarkFunction.BRANIN.evaluate(Map.of("x2", 2.275, "x1", Math.PI)))
                .isCloseTo(0.397887, within(1e-6));
    }
}
