package dev.hpo.optimizer.bo;

/**
 * The ratio {@code r(z) = Φ(z) / φ(z)} deep in the lower tail, from its asymptotic series
 * {@code r(z) = (1/|z|)(1 − 1/z² + 3/z⁴ − 15/z⁶ + ...)} (Abramowitz and Stegun 26.2.12), where Φ and φ
 * themselves underflow.
 */
final class MillsRatio {

    private MillsRatio() {
    }

    /** {@code r(z)} for {@code z ≤ −20}, where the series' first neglected term is below 1e-8 of the sum. */
    static double lowerTail(double z) {
        double w = 1 / (z * z);
        return (1 / -z) * (1 - w * (1 - w * (3 - 15 * w)));
    }
}
