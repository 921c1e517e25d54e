package dev.hpo.optimizer.bo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Independent log-normal priors on the GP hyperparameters, which keep a fit on a handful of points from
 * collapsing to tiny length scales or zero noise, and the box they are searched in. As in GPyTorch, the density
 * is that of the positive value v = e^θ, {@code log p(v) = −(θ − m)²/(2s²) − θ + const}, so its mode lies at
 * {@code exp(m − s²)}.
 * <ul>
 *   <li>length scales {@code ℓ_j ~ LogNormal(m = √2 + ½ log d, s = √3)}: the dimension-scaled prior of Hvarfner,
 *   Hellsten and Nardi, "Vanilla Bayesian Optimization Performs Great in High Dimensions" (ICML 2024), BoTorch's
 *   default since 0.12; its mode, 0.29 at d = 2 and 0.65 at d = 10, grows like √d as distances in the unit cube
 *   do;</li>
 *   <li>signal variance {@code σ_f² ~ LogNormal(1, 1)}, mode 1: the targets are standardised;</li>
 *   <li>noise variance {@code σ_n² ~ LogNormal(−4, 2)}, mode 3e-4: objectives are nearly deterministic functions
 *   of the configuration, training noise aside (BoTorch's prior has the same location and scale 1).</li>
 * </ul>
 */
final class HyperparameterPrior {

    private static final double LENGTH_SCALE_S = Math.sqrt(3);
    private static final double SIGNAL_M = 1;
    private static final double SIGNAL_S = 1;
    private static final double NOISE_M = -4;
    private static final double NOISE_S = 2;

    private static final double MIN_LENGTH_SCALE = 1e-2;
    private static final double MAX_LENGTH_SCALE = 1e2;
    private static final double MIN_SIGNAL_VARIANCE = 5e-2;
    private static final double MAX_SIGNAL_VARIANCE = 20;
    private static final double MIN_NOISE_VARIANCE = 1e-6;
    private static final double MAX_NOISE_VARIANCE = 1;

    private final int dimensions;
    private final double lengthScaleM;

    HyperparameterPrior(int dimensions) {
        this.dimensions = dimensions;
        this.lengthScaleM = Math.sqrt(2) + 0.5 * Math.log(dimensions);
    }

    /** The prior modes in θ, the default starting point. */
    double[] mode() {
        double[] theta = new double[dimensions + 2];
        Arrays.fill(theta, 0, dimensions, lengthScaleM - LENGTH_SCALE_S * LENGTH_SCALE_S);
        theta[dimensions] = SIGNAL_M - SIGNAL_S * SIGNAL_S;
        theta[dimensions + 1] = NOISE_M - NOISE_S * NOISE_S;
        return clamp(theta);
    }

    /** A draw of θ from the prior, clamped into the box. */
    double[] sample(SplittableRandom random) {
        double[] theta = new double[dimensions + 2];
        for (int j = 0; j < dimensions; j++) {
            theta[j] = lengthScaleM + LENGTH_SCALE_S * StandardNormal.sample(random);
        }
        theta[dimensions] = SIGNAL_M + SIGNAL_S * StandardNormal.sample(random);
        theta[dimensions + 1] = NOISE_M + NOISE_S * StandardNormal.sample(random);
        return clamp(theta);
    }

    double[] lowerBounds() {
        return bounds(MIN_LENGTH_SCALE, MIN_SIGNAL_VARIANCE, MIN_NOISE_VARIANCE);
    }

    double[] upperBounds() {
        return bounds(MAX_LENGTH_SCALE, MAX_SIGNAL_VARIANCE, MAX_NOISE_VARIANCE);
    }

    /** {@code log p(θ)} up to a constant, with its gradient added into {@code gradient}. */
    double addLogDensity(double[] theta, double[] gradient) {
        double lp = 0;
        for (int j = 0; j < dimensions; j++) {
            lp += logNormal(theta[j], lengthScaleM, LENGTH_SCALE_S, gradient, j);
        }
        lp += logNormal(theta[dimensions], SIGNAL_M, SIGNAL_S, gradient, dimensions);
        lp += logNormal(theta[dimensions + 1], NOISE_M, NOISE_S, gradient, dimensions + 1);
        return lp;
    }

    /** {@code log LogNormal(e^θ; m, s) = −(θ − m)²/(2s²) − θ}, and its derivative in θ. */
    private static double logNormal(double theta, double m, double s, double[] gradient, int index) {
        double z = (theta - m) / s;
        gradient[index] += -z / s - 1;
        return -0.5 * z * z - theta;
    }

    private double[] bounds(double lengthScale, double signal, double noise) {
        double[] b = new double[dimensions + 2];
        Arrays.fill(b, 0, dimensions, Math.log(lengthScale));
        b[dimensions] = Math.log(signal);
        b[dimensions + 1] = Math.log(noise);
        return b;
    }

    private double[] clamp(double[] theta) {
        double[] lo = lowerBounds();
        double[] hi = upperBounds();
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.min(hi[i], Math.max(lo[i], theta[i]));
        }
        return theta;
    }
}
