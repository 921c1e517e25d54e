package dev.hpo.optimizer.bo;

import org.hipparchus.random.SobolSequenceGenerator;

import java.util.SplittableRandom;

/**
 * Scrambled Sobol points in [0, 1]^d: the Sobol sequence with Joe and Kuo's direction numbers (Hipparchus'
 * {@link SobolSequenceGenerator}, 52-bit, up to 21201 dimensions) under a random digital shift, each coordinate's
 * bits XORed with a fixed random mask (the simplest of the randomisations compared in Owen, "Scrambling Sobol' and
 * Niederreiter-Xing points", J. Complexity 1998). The shift keeps the net structure, so the points stay evenly
 * spread, while making them random and moving the corner point 0 away from the corner.
 */
final class ScrambledSobol {

    /** Hipparchus' Sobol coordinates are multiples of 2⁻⁵². */
    private static final int BITS = 52;
    private static final double SCALE = 0x1p52;

    private final SobolSequenceGenerator sobol;
    private final long[] shift;

    ScrambledSobol(int dimensions, SplittableRandom random) {
        this.sobol = dimensions == 0 ? null : new SobolSequenceGenerator(dimensions);
        this.shift = new long[dimensions];
        for (int j = 0; j < dimensions; j++) {
            shift[j] = random.nextLong() >>> (Long.SIZE - BITS);
        }
    }

    /** The next point. */
    double[] next() {
        if (sobol == null) {
            return new double[0];
        }
        double[] v = sobol.nextVector();
        for (int j = 0; j < v.length; j++) {
            long bits = (long) (v[j] * SCALE);
            v[j] = (bits ^ shift[j]) / SCALE;
        }
        return v;
    }
}
