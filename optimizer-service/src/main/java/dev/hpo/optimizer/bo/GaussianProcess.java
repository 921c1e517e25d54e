package dev.hpo.optimizer.bo;

import java.util.Arrays;

/**
 * A Gaussian-process posterior over standardised targets under fixed hyperparameters (Rasmussen and Williams
 * 2006, algorithm 2.1). With {@code K = σ_f² G + σ_n² I = L Lᵀ} over the n training inputs X, targets y,
 * {@code α = K⁻¹ y} and the cross-covariance {@code k* = k(X, x)}, the latent function at x has
 * <pre>
 *   mean      μ(x)  = k*ᵀ α
 *   variance  σ²(x) = σ_f² − vᵀv,   v = L⁻¹ k*
 * </pre>
 * (the variance of the noise-free function, as analytic acquisition functions want).
 */
final class GaussianProcess {

    /** Smallest posterior variance, relative to σ_f², so that σ and its gradient stay finite at data points. */
    private static final double MIN_RELATIVE_VARIANCE = 1e-12;

    private final ArdCovariance covariance;
    private final double[][] x;
    private final double[] y;
    private final JitteredCholesky cholesky;
    private final double[] alpha;

    private GaussianProcess(ArdCovariance covariance, double[][] x, double[] y, JitteredCholesky cholesky) {
        this.covariance = covariance;
        this.x = x;
        this.y = y;
        this.cholesky = cholesky;
        this.alpha = cholesky.solve(y);
    }

    /** The posterior given inputs {@code x} (rows, in the unit cube) and standardised targets {@code y}. */
    static GaussianProcess fit(Kernel kernel, GpHyperparameters hyperparameters, double[][] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many targets as inputs, at least one; got " + x.length
                    + " inputs and " + y.length + " targets");
        }
        ArdCovariance covariance = new ArdCovariance(kernel, hyperparameters);
        double[][] rows = x.clone();
        return new GaussianProcess(covariance, rows, y.clone(),
                JitteredCholesky.factor(covariance.trainingMatrix(rows)));
    }

    int size() {
        return x.length;
    }

    /** The posterior conditioned on one more observation, with the same hyperparameters, in O(n²). */
    GaussianProcess condition(double[] point, double target) {
        int n = x.length;
        double[] cross = new double[n];
        for (int i = 0; i < n; i++) {
            cross[i] = covariance.value(x[i], point);
        }
        double[][] xs = Arrays.copyOf(x, n + 1);
        xs[n] = point.clone();
        double[] ys = Arrays.copyOf(y, n + 1);
        ys[n] = target;
        JitteredCholesky grown = cholesky.extend(cross,
                covariance.signalVariance() + covariance.noiseVariance());
        return new GaussianProcess(covariance, xs, ys, grown);
    }

    /** The posterior mean μ(x). */
    double mean(double[] point) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m += alpha[i] * covariance.value(x[i], point);
        }
        return m;
    }

    /** Posterior means and variances at many points, into {@code means} and {@code variances}. */
    void predict(double[][] points, double[] means, double[] variances) {
        int n = x.length;
        int c = points.length;
        double[] v = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < c; p++) {
                v[i * c + p] = covariance.value(x[i], points[p]);
            }
        }
        for (int p = 0; p < c; p++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += alpha[i] * v[i * c + p];
            }
            means[p] = m;
        }
        cholesky.solveLowerColumns(v, c);
        double sf2 = covariance.signalVariance();
        for (int p = 0; p < c; p++) {
            variances[p] = sf2;
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < c; p++) {
                double t = v[i * c + p];
                variances[p] -= t * t;
            }
        }
        for (int p = 0; p < c; p++) {
            variances[p] = Math.max(variances[p], MIN_RELATIVE_VARIANCE * sf2);
        }
    }

    /**
     * The posterior mean and variance at {@code point} (returned as {@code {μ, σ²}}) with their gradients:
     * {@code ∇μ = Σ_i α_i ∇k_i} and {@code ∇σ² = −2 (K⁻¹k*)ᵀ ∇k*}, where
     * {@code ∂k_i/∂x_j = 2 σ_f² g'(r_i²) (x_j − X_ij) / ℓ_j²}.
     */
    double[] predictWithGradient(double[] point, double[] meanGradient, double[] varianceGradient) {
        int n = x.length;
        int d = point.length;
        double sf2 = covariance.signalVariance();
        double[] k = new double[n];
        double[] dkScale = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r2 = covariance.scaledSquaredDistance(x[i], point);
            k[i] = sf2 * covariance.kernel().correlation(r2);
            dkScale[i] = 2 * sf2 * covariance.kernel().derivative(r2);
            mean += alpha[i] * k[i];
        }
        double[] w = k.clone();
        cholesky.solveLower(w);
        double variance = sf2;
        for (double t : w) {
            variance -= t * t;
        }
        cholesky.solveUpper(w);
        Arrays.fill(meanGradient, 0);
        Arrays.fill(varianceGradient, 0);
        for (int i = 0; i < n; i++) {
            double a = alpha[i] * dkScale[i];
            double b = -2 * w[i] * dkScale[i];
            double[] xi = x[i];
            for (int j = 0; j < d; j++) {
                double diff = (point[j] - xi[j]) * covariance.inverseSquaredLengthScale(j);
                meanGradient[j] += a * diff;
                varianceGradient[j] += b * diff;
            }
        }
        if (variance < MIN_RELATIVE_VARIANCE * sf2) {
            variance = MIN_RELATIVE_VARIANCE * sf2;
            Arrays.fill(varianceGradient, 0);
        }
        return new double[]{mean, variance};
    }
}
