package dev.hpo.optimizer.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
    void theHeldOutFunctionsTakeTheirMinimaAtTheirMinimisers() {
        assertThat(BenchmarkFunction.GOLDSTEIN_PRICE.evaluate(new double[]{0, -1})).isCloseTo(3, within(1e-12));
        // At the origin: (1 + 19) (30 + 0) = 600.
        assertThat(BenchmarkFunction.GOLDSTEIN_PRICE.evaluate(new double[]{0, 0})).isCloseTo(600, within(1e-9));
        assertThat(BenchmarkFunction.SIX_HUMP_CAMEL.evaluate(new double[]{0.0898420, -0.7126564}))
                .isCloseTo(BenchmarkFunction.SIX_HUMP_CAMEL.minimum(), within(1e-9));
        assertThat(BenchmarkFunction.SIX_HUMP_CAMEL.evaluate(new double[]{-0.0898420, 0.7126564}))
                .isCloseTo(BenchmarkFunction.SIX_HUMP_CAMEL.minimum(), within(1e-9));
        assertThat(BenchmarkFunction.HARTMANN3.evaluate(new double[]{0.1145889, 0.5556489, 0.8525470}))
                .isCloseTo(-3.86278, within(1e-5));
        assertThat(BenchmarkFunction.SHEKEL.evaluate(new double[]{4.0007469, 3.9995095, 4.0007469, 3.9995095}))
                .isCloseTo(-10.53644, within(1e-5));
        assertThat(BenchmarkFunction.LEVY10.evaluate(new double[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}))
                .isCloseTo(0, within(1e-12));
        double[] st = new double[8];
        Arrays.fill(st, -2.903534);
        assertThat(BenchmarkFunction.STYBLINSKI_TANG8.evaluate(st)).isCloseTo(-313.32933, within(1e-5));
        for (BenchmarkFunction f : BenchmarkFunction.values()) {
            assertThat(BenchmarkFunction.byId(f.id())).isSameAs(f);
        }
    }

    @Test
    void theHeldOutFunctionsAgreeWithThePeerScriptAwayFromTheirMinima() {
        // Values printed by tools/peer-bench/peers.py (NumPy), whose copies of the functions the peers ran on.
        assertThat(BenchmarkFunction.GOLDSTEIN_PRICE.evaluate(new double[]{0.5, -0.3}))
                .isCloseTo(596.16081584, within(1e-8));
        assertThat(BenchmarkFunction.SIX_HUMP_CAMEL.evaluate(new double[]{1.1, 0.4}))
                .isCloseTo(2.258310333333333, within(1e-12));
        assertThat(BenchmarkFunction.HARTMANN3.evaluate(new double[]{0.3, 0.6, 0.2}))
                .isCloseTo(-0.11278000765649607, within(1e-12));
        assertThat(BenchmarkFunction.SHEKEL.evaluate(new double[]{1, 2, 3, 4.5}))
                .isCloseTo(-0.29239284006365146, within(1e-12));
        double[] levy = new double[10];
        double[] st = new double[8];
        for (int i = 0; i < levy.length; i++) {
            levy[i] = 0.7 * i - 3;
        }
        for (int i = 0; i < st.length; i++) {
            st[i] = 0.5 * i - 2;
        }
        assertThat(BenchmarkFunction.LEVY10.evaluate(levy)).isCloseTo(22.114014395137907, within(1e-9));
        assertThat(BenchmarkFunction.STYBLINSKI_TANG8.evaluate(st)).isCloseTo(-78.875, within(1e-9));
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
