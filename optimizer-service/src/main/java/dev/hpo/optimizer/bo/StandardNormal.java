package dev.hpo.optimizer.bo;

import org.hipparchus.special.Erf;

import java.util.SplittableRandom;

/** The standard normal distribution: density φ, distribution function Φ, and draws. */
final class StandardNormal {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private StandardNormal() {
    }

    /** {@code φ(z) = exp(−z²/2) / √(2π)}. */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** {@code log φ(z)}, finite where φ underflows. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** {@code Φ(z) = ½ erfc(−z/√2)}, accurate in the lower tail (no cancellation against 1). */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
    static double sample(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
