package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HypervolumeCurveTest {

    @Test
    void addsEachPointsExclusiveContribution() {
        List<Optional<double[]>> sequence = List.of(Optional.of(new double[] {1, 3}), Optional.of(new double[] {2, 2}),
                Optional.empty(), Optional.of(new double[] {1.5, 1.5}), Optional.of(new double[] {3, 1}),
                Optional.of(new double[] {2, 2}), Optional.of(new double[] {0, 9}), Optional.of(new double[] {4, 4}));
        // Over (0, 0): 3; + (2 - 1) * 2 = 5; no vector; dominated; + 1 * 1 = 6; a duplicate; on the reference's
        // boundary, no volume; (4, 4) covers the whole staircase: 16.
        assertThat(HypervolumeCurve.of(sequence, new double[] {0, 0})).containsExactly(3.0, 5.0, 5.0, 5.0, 6.0, 6.0,
                6.0, 16.0);
        assertThat(HypervolumeCurve.of(List.of(Optional.empty()), new double[] {0, 0})).containsExactly(0.0);
    }

    @Test
    void equalsTheHypervolumeOfEachPrefixsFrontInThreeDimensions() {
        List<double[]> points = nearSphere(200, 3, new SplittableRandom(7));
        double[] reference = {0, 0, 0};
        HypervolumeCurve curve = new HypervolumeCurve(reference);
        for (int i = 0; i < points.size(); i++) {
            double incremental = curve.add(points.get(i));
            assertThat(incremental).as("after " + (i + 1)).isCloseTo(Hypervolume.of(points.subList(0, i + 1), reference),
                    within(1e-12));
        }
    }

    @Test
    void measuresAFewVectorsPerTrialWhereMeasuringEachFrontAgainMeasuresTheWholeFront() {
        List<double[]> points = nearSphere(1000, 3, new SplittableRandom(1));
        HypervolumeCurve curve = new HypervolumeCurve(new double[] {0, 0, 0});
        long wholeFronts = 0;
        for (double[] p : points) {
            curve.add(p);
            wholeFronts += curve.frontSize();
        }
        System.out.printf("1000 trials, front %d: measured %d vectors, the fronts again %d%n", curve.frontSize(),
                curve.measured(), wholeFronts);
        assertThat(curve.frontSize()).as("a front of a few hundred").isGreaterThan(200);
        assertThat(curve.measured()).isLessThan(wholeFronts / 20);
    }

    /** Vectors near the positive part of the unit sphere, many of them non-dominated (as in ReportBench). */
    static List<double[]> nearSphere(int n, int m, SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[m];
            double norm = 0;
            for (int j = 0; j < m; j++) {
                v[j] = Math.abs(random.nextGaussian());
                norm += v[j] * v[j];
            }
            double radius = (1 - 0.1 * random.nextDouble()) / Math.sqrt(norm);
            for (int j = 0; j < m; j++) {
                v[j] *= radius;
            }
            out.add(v);
        }
        return out;
    }
}
