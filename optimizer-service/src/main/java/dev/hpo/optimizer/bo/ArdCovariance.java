package dev.hpo.optimizer.bo;

import org.ejml.data.DMatrixRMaj;

/**
 * The covariance {@code k(x, x') = σ_f² g(r²)} of a kernel under given hyperparameters, with
 * {@code r² = Σ_j (x_j − x'_j)² / ℓ_j²}, and the training covariance matrix {@code K = σ_f² G + σ_n² I}.
 */
final class ArdCovariance {

    private final Kernel kernel;
    private final GpHyperparameters hyperparameters;
    private final double[] inverseSquaredLengthScales;

    ArdCovariance(Kernel kernel, GpHyperparameters hyperparameters) {
        this.kernel = kernel;
        this.hyperparameters = hyperparameters;
        double[] l = hyperparameters.lengthScales();
        this.inverseSquaredLengthScales = new double[l.length];
        for (int j = 0; j < l.length; j++) {
            inverseSquaredLengthScales[j] = 1.0 / (l[j] * l[j]);
        }
    }

    Kernel kernel() {
        return kernel;
    }

    double signalVariance() {
        return hyperparameters.signalVariance();
    }

    double noiseVariance() {
        return hyperparameters.noiseVariance();
    }

    double inverseSquaredLengthScale(int j) {
        return inverseSquaredLengthScales[j];
    }

    /** The ARD-scaled squared distance r². */
    double scaledSquaredDistance(double[] a, double[] b) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            r2 += t * t * inverseSquaredLengthScales[j];
        }
        return r2;
    }

    /** {@code k(a, b)}, without noise. */
    double value(double[] a, double[] b) {
        return hyperparameters.signalVariance() * kernel.correlation(scaledSquaredDistance(a, b));
    }

    /** {@code K = σ_f² G + σ_n² I} over the rows of {@code x}. */
    DMatrixRMaj trainingMatrix(double[][] x) {
        int n = x.length;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] data = k.data;
        for (int i = 0; i < n; i++) {
            data[i * n + i] = hyperparameters.signalVariance() + hyperparameters.noiseVariance();
            for (int m = 0; m < i; m++) {
                double v = value(x[i], x[m]);
                data[i * n + m] = v;
                data[m * n + i] = v;
            }
        }
        return k;
    }
}
