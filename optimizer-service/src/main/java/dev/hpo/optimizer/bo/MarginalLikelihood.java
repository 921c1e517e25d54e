package dev.hpo.optimizer.bo;

import org.ejml.data.DMatrixRMaj;

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
        double sf2 = h.signalVariance();
        // K and g'(r²) in one pass, so that each pair's distance and exponential are computed once.
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] slope = new double[n * n];
        for (int i = 0; i < n; i++) {
            k.data[i * n + i] = sf2 + h.noiseVariance();
            for (int m = 0; m < i; m++) {
                double r2 = covariance.scaledSquaredDistance(x[i], x[m]);
                double v = sf2 * kernel.correlation(r2);
                k.data[i * n + m] = v;
                k.data[m * n + i] = v;
                slope[i * n + m] = kernel.derivative(r2);
            }
        }
        JitteredCholesky cholesky = JitteredCholesky.factor(k);
        double[] alpha = cholesky.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * cholesky.logDeterminant() - 0.5 * n * LOG_2PI;

        double[] inverse = cholesky.inverse();
        double traceW = 0;
        double signal = 0;
        double[] lengths = new double[d];
        for (int i = 0; i < n; i++) {
            double wii = alpha[i] * alpha[i] - inverse[i * n + i];
            traceW += wii;
            // The diagonal of σ_f² G is σ_f² g(0) = σ_f².
            signal += wii * sf2;
            double[] xi = x[i];
            for (int m = 0; m < i; m++) {
                double w = alpha[i] * alpha[m] - inverse[i * n + m];
                signal += 2 * w * k.data[i * n + m];
                double c = w * slope[i * n + m];
                double[] xm = x[m];
                for (int j = 0; j < d; j++) {
                    double t = xi[j] - xm[j];
                    lengths[j] += c * t * t;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            // ½ · 2 (symmetric pairs) · (−2 σ_f² / ℓ_j²) · Σ_{i>m} w g' Δ²
            gradient[j] = -2 * sf2 * covariance.inverseSquaredLengthScale(j) * lengths[j];
        }
        gradient[d] = 0.5 * signal;
        gradient[d + 1] = 0.5 * h.noiseVariance() * traceW;
        return value;
    }
}
