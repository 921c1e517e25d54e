package dev.hpo.optimizer.bo;

/**
 * The Yeo-Johnson power transform (Yeo and Johnson, Biometrika 2000), which makes skewed data closer to normal:
 * <pre>
 *   ψ(y; λ) = ((y + 1)^λ − 1) / λ              y ≥ 0, λ ≠ 0      (log(1 + y) when λ = 0)
 *   ψ(y; λ) = −((1 − y)^(2−λ) − 1) / (2 − λ)    y &lt; 0, λ ≠ 2      (−log(1 − y) when λ = 2)
 * </pre>
 * with λ chosen by maximum likelihood under a normal model of ψ(y) ({@link PowerTransformFit}). Objective values
 * in hyperparameter optimisation are often heavy-tailed (a few diverged runs, or a few good ones among many poor),
 * which a GP with one signal variance fits badly; HEBO warps its targets this way (Cowen-Rivers et al., JAIR 2022).
 */
final class YeoJohnson {

    /** The search interval of λ, as wide as the transforms that still change the data gently. */
    private static final double MIN_LAMBDA = -2;
    private static final double MAX_LAMBDA = 4;

    private YeoJohnson() {
    }

    static double transform(double y, double lambda) {
        if (y >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(y) : (Math.pow(y + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-y)
                : -(Math.pow(1 - y, 2 - lambda) - 1) / (2 - lambda);
    }

    /** ψ'(y; λ): {@code (1 + y)^(λ−1)} for y ≥ 0, {@code (1 − y)^(1−λ)} for y &lt; 0. */
    static double derivative(double y, double lambda) {
        return y >= 0 ? Math.pow(1 + y, lambda - 1) : Math.pow(1 - y, 1 - lambda);
    }

    /** The maximum-likelihood λ for {@code y} ({@link PowerTransformFit}, {@code S = Σ sign(y_i) log(1 + |y_i|)}). */
    static double fitLambda(double[] y) {
        double jacobianSum = 0;
        for (double v : y) {
            jacobianSum += Math.signum(v) * Math.log1p(Math.abs(v));
        }
        return PowerTransformFit.lambda(y, YeoJohnson::transform, jacobianSum, MIN_LAMBDA, MAX_LAMBDA);
    }
}
