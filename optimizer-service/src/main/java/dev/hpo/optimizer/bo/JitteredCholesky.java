package dev.hpo.optimizer.bo;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The lower Cholesky factor {@code L} of a covariance matrix, {@code K + εI = L Lᵀ}, where the jitter ε starts
 * at 0 and grows tenfold from {@code 1e-10 · mean(diag K)} until the factorisation succeeds: duplicate inputs
 * with tiny noise make K singular in floating point (the remedy of Rasmussen and Williams 2006, section 3.4.3).
 */
final class JitteredCholesky {

    private static final double FIRST_RELATIVE_JITTER = 1e-10;
    private static final double LAST_RELATIVE_JITTER = 1e-1;

    private final double[] lower;
    private final int n;
    private final double jitter;

    private JitteredCholesky(double[] lower, int n, double jitter) {
        this.lower = lower;
        this.n = n;
        this.jitter = jitter;
    }

    /** Factors {@code k}, which is left unchanged. */
    static JitteredCholesky factor(DMatrixRMaj k) {
        int n = k.numRows;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += k.data[i * n + i] / n;
        }
        double jitter = 0;
        while (true) {
            DMatrixRMaj a = k.copy();
            for (int i = 0; i < n; i++) {
                a.data[i * n + i] += jitter;
            }
            // EJML picks its blocked algorithm for large matrices.
            CholeskyDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.chol(n, true);
            if (decomposition.decompose(a)) {
                return new JitteredCholesky(decomposition.getT(null).data, n, jitter);
            }
            jitter = jitter == 0 ? FIRST_RELATIVE_JITTER * scale : 10 * jitter;
            if (jitter > LAST_RELATIVE_JITTER * scale) {
                throw new IllegalStateException("covariance matrix is not positive definite even with jitter "
                        + LAST_RELATIVE_JITTER * scale);
            }
        }
    }

    /** The jitter ε added to the diagonal. */
    double jitter() {
        return jitter;
    }

    /** {@code log det(K + εI) = 2 Σ log L_ii}. */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
    }

    /** Solves {@code L v = b} in place. */
    void solveLower(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
    }

    /** Solves {@code Lᵀ v = b} in place. */
    void solveUpper(double[] b) {
        TriangularSolver_DDRM.solveTranL(lower, b, n);
    }

    /** {@code (K + εI)⁻¹ b}. */
    double[] solve(double[] b) {
        double[] v = b.clone();
        solveLower(v);
        solveUpper(v);
        return v;
    }

    /**
     * Solves {@code L V = B} in place for {@code columns} right-hand sides stored row-major in {@code b}
     * ({@code n × columns}); the inner loop runs along a row, which keeps it in cache for many columns.
     */
    void solveLowerColumns(double[] b, int columns) {
        for (int i = 0; i < n; i++) {
            int rowI = i * columns;
            for (int m = 0; m < i; m++) {
                double lim = lower[i * n + m];
                if (lim != 0) {
                    int rowM = m * columns;
                    for (int c = 0; c < columns; c++) {
                        b[rowI + c] -= lim * b[rowM + c];
                    }
                }
            }
            double inv = 1.0 / lower[i * n + i];
            for (int c = 0; c < columns; c++) {
                b[rowI + c] *= inv;
            }
        }
    }

    /**
     * {@code (K + εI)⁻¹ = Mᵀ M} with {@code M = L⁻¹}, both products over the triangles only (n³/3 multiply-adds
     * in all). Row i of M is {@code (e_i − Σ_{m<i} L_im M_m) / L_ii}, and
     * {@code (K⁻¹)_ik = Σ_{r ≥ max(i,k)} M_ri M_rk}; every inner loop runs along a row, which keeps it in cache.
     */
    double[] inverse() {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            m[rowI + i] = 1.0;
            for (int r = 0; r < i; r++) {
                double lir = lower[rowI + r];
                if (lir != 0) {
                    int rowR = r * n;
                    for (int k = 0; k <= r; k++) {
                        m[rowI + k] -= lir * m[rowR + k];
                    }
                }
            }
            double inv = 1.0 / lower[rowI + i];
            for (int k = 0; k <= i; k++) {
                m[rowI + k] *= inv;
            }
        }
        double[] result = new double[n * n];
        for (int r = 0; r < n; r++) {
            int rowR = r * n;
            for (int i = 0; i <= r; i++) {
                double a = m[rowR + i];
                if (a != 0) {
                    int rowI = i * n;
                    for (int k = 0; k <= i; k++) {
                        result[rowI + k] += a * m[rowR + k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                result[k * n + i] = result[i * n + k];
            }
        }
        return result;
    }

    /**
     * The factor of the matrix grown by one row and column, {@code [[K, c], [cᵀ, s]]}, in O(n²): the new row is
     * {@code l = L⁻¹c} and the new diagonal {@code √(s + ε − lᵀl)} (floored at √ε so it stays positive).
     */
    JitteredCholesky extend(double[] cross, double self) {
        double[] l = cross.clone();
        solveLower(l);
        double rest = self + jitter;
        for (double v : l) {
            rest -= v * v;
        }
        double floor = Math.max(jitter, FIRST_RELATIVE_JITTER * Math.max(self, Double.MIN_NORMAL));
        int m = n + 1;
        double[] grown = new double[m * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lower, i * n, grown, i * m, i + 1);
        }
        System.arraycopy(l, 0, grown, n * m, n);
        grown[n * m + n] = Math.sqrt(Math.max(rest, floor));
        return new JitteredCholesky(grown, m, jitter);
    }
}
