package dev.hpo.optimizer.bo;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JitteredCholeskyTest {

    private final DMatrixRMaj spd = new DMatrixRMaj(new double[][]{{4, 2, 0.6}, {2, 5, 1.5}, {0.6, 1.5, 3}});

    @Test
    void positiveDefiniteMatrixFactorsWithoutJitterAndInvertsExactly() {
        JitteredCholesky c = JitteredCholesky.factor(spd);
        DMatrixRMaj expected = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.invert(spd, expected);

        assertThat(c.jitter()).isZero();
        assertThat(c.inverse()).containsExactly(expected.data, within(1e-12));
        assertThat(c.logDeterminant()).isCloseTo(Math.log(CommonOps_DDRM.det(spd)), within(1e-12));
        assertThat(c.solve(new double[]{1, 2, 3})).containsExactly(
                new double[]{expected.get(0, 0) + 2 * expected.get(0, 1) + 3 * expected.get(0, 2),
                        expected.get(1, 0) + 2 * expected.get(1, 1) + 3 * expected.get(1, 2),
                        expected.get(2, 0) + 2 * expected.get(2, 1) + 3 * expected.get(2, 2)}, within(1e-12));
        assertThat(spd.get(0, 0)).isEqualTo(4.0);
    }

    @Test
    void singularMatrixFactorsAfterAddingJitter() {
        DMatrixRMaj ones = new DMatrixRMaj(new double[][]{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});

        JitteredCholesky c = JitteredCholesky.factor(ones);

        assertThat(c.jitter()).isGreaterThan(0).isLessThan(1e-3);
    }

    @Test
    void extendingTheFactorEqualsFactoringTheGrownMatrix() {
        DMatrixRMaj two = new DMatrixRMaj(new double[][]{{4, 2}, {2, 5}});

        JitteredCholesky grown = JitteredCholesky.factor(two).extend(new double[]{0.6, 1.5}, 3);

        assertThat(grown.inverse()).containsExactly(JitteredCholesky.factor(spd).inverse(), within(1e-12));
    }
}
