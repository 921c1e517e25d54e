package dev.hpo.optimizer.bo;

/** {@code x ↦ (x − mean) / sd}; a spread at rounding level is a constant with no scale to recover. */
record Standardisation(double mean, double sd) {

    static Standardisation of(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x / n;
        }
        double variance = 0;
        for (double x : v) {
            variance += (x - mean) * (x - mean) / n;
        }
        return new Standardisation(mean,
                variance > 1e-24 * Math.max(1, mean * mean) ? Math.sqrt(variance) : Double.POSITIVE_INFINITY);
    }

    /** Whether the values were constant (to rounding), so that {@link #apply} maps everything to 0. */
    boolean constant() {
        return sd == Double.POSITIVE_INFINITY;
    }

    /** The same scale with its zero moved to where this one gives {@code z}: {@code x ↦ apply(x) − z}. */
    Standardisation shifted(double z) {
        return constant() ? this : new Standardisation(mean + z * sd, sd);
    }

    double apply(double x) {
        return sd == Double.POSITIVE_INFINITY ? 0 : (x - mean) / sd;
    }
}
