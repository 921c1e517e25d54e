package dev.hpo.optimizer.bo;

/**
 * The log marginal likelihood of GP hyperparameters given data, and its gradient in the fitting vector
 * {@code θ = (log ℓ_1..d, log σ_f², log σ_n²)} (Rasmussen and Williams 2006, eqs. 5.8 and 5.9):
 * <pre>
 *   log p(y | X, θ) = −½ yᵀα − ½ log det K − (n/2) log 2π,      α = K⁻¹y
 *   ∂/∂θ_p          = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_p)
 * </pre>
 * with {@code ∂K/∂log σ_f² = σ_f² G}, {@code ∂K/∂log σ_n² = σ_n² I} and
 * {@code ∂K_ik/∂log ℓ_j = −2 σ_f² g'(r_ik²) (X_ij − X_kj)² / ℓ_j²}.
 */
final class MarginalLikelihood {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Kernel kernel;
    private final double[][] x;
    private final double[] y;

    MarginalLikelihood(Kernel kernel, double[][] x, double[] y) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
    }

    /** {@code log p(y | X, θ)}, with its gradient written into {@code gradient} (length d + 2). */
    double valueAndGradient(double[] theta, double[] gradient) {
        GpHyperparameters h = GpHyperparameters.fromLogVector(theta);
        ArdCovariance covariance = new ArdCovariance(kernel, h);
        int n = x.length;
        int d = h.dimensions();
        JitteredCholesky cholesky = JitteredCholesky.factor(covariance.trainingMatrix(x));
        double[] alpha = cholesky.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * cholesky.logDeterminant() - 0.5 * n * LOG_2PI;

        double[] inverse = cholesky.inverse();
        double sf2 = h.signalVariance();
        double traceW = 0;
        double signal = 0;
        double[] lengths = new double[d];
        for (int i = 0; i < n; i++) {
            traceW += alpha[i] * alpha[i] - inverse[i * n + i];
            // Diagonal of G is g(0) = 1.
            signal += alpha[i] * alpha[i] - inverse[i * n + i];
            for (int k = 0; k < i; k++) {
                double w = alpha[i] * alpha[k] - inverse[i * n + k];
                double r2 = covariance.scaledSquaredDistance(x[i], x[k]);
                signal += 2 * w * kernel.correlation(r2);
                double c = w * kernel.derivative(r2);
                double[] xi = x[i];
                double[] xk = x[k];
                for (int j = 0; j < d; j++) {
                    double t = xi[j] - xk[j];
                    lengths[j] += c * t * t;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            // ½ · 2 (symmetric pairs) · (−2 σ_f² / ℓ_j²) · Σ_{i>k} w g' Δ²
            gradient[j] = -2 * sf2 * covariance.inverseSquaredLengthScale(j) * lengths[j];
        }
        gradient[d] = 0.5 * sf2 * signal;
        gradient[d + 1] = 0.5 * h.noiseVariance() * traceW;
        return value;
    }
}
