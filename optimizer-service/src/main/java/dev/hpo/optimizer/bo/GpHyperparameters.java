package dev.hpo.optimizer.bo;

import java.util.Arrays;

/**
 * The hyperparameters of a GP over standardised targets, and their packing into the vector
 * {@code θ = (log ℓ_1, ..., log ℓ_d, log σ_f², log σ_n²)} in which they are fitted.
 *
 * @param lengthScales   {@code ℓ_j}, one per input dimension
 * @param signalVariance {@code σ_f²}, the prior variance of the latent function
 * @param noiseVariance  {@code σ_n²}, the variance of the observation noise
 */
record GpHyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

    public GpHyperparameters {
        lengthScales = lengthScales.clone();
        for (double l : lengthScales) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("length scales must be finite and > 0, got "
                        + Arrays.toString(lengthScales));
            }
        }
        if (!(signalVariance > 0) || !(noiseVariance > 0)) {
            throw new IllegalArgumentException("signalVariance (" + signalVariance + ") and noiseVariance ("
                    + noiseVariance + ") must be > 0");
        }
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    public int dimensions() {
        return lengthScales.length;
    }

    /** The fitting vector θ. */
    public double[] toLogVector() {
        double[] theta = new double[lengthScales.length + 2];
        for (int j = 0; j < lengthScales.length; j++) {
            theta[j] = Math.log(lengthScales[j]);
        }
        theta[lengthScales.length] = Math.log(signalVariance);
        theta[lengthScales.length + 1] = Math.log(noiseVariance);
        return theta;
    }

    /** The hyperparameters of the fitting vector θ. */
    public static GpHyperparameters fromLogVector(double[] theta) {
        int d = theta.length - 2;
        double[] l = new double[d];
        for (int j = 0; j < d; j++) {
            l[j] = Math.exp(theta[j]);
        }
        return new GpHyperparameters(l, Math.exp(theta[d]), Math.exp(theta[d + 1]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpHyperparameters h && Arrays.equals(lengthScales, h.lengthScales)
                && signalVariance == h.signalVariance && noiseVariance == h.noiseVariance;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lengthScales) + Double.hashCode(signalVariance + 7 * noiseVariance);
    }

    @Override
    public String toString() {
        return "GpHyperparameters[lengthScales=" + Arrays.toString(lengthScales) + ", signalVariance="
                + signalVariance + ", noiseVariance=" + noiseVariance + "]";
    }
}
