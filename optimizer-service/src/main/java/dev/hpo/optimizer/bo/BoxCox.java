package dev.hpo.optimizer.bo;

/**
 * The Box-Cox power transform of positive values (Box and Cox, JRSS B 1964):
 * <pre>
 *   ψ(y; λ) = (y^λ − 1) / λ      λ ≠ 0      (log y when λ = 0),      ψ'(y; λ) = y^(λ−1)
 * </pre>
 * with λ chosen by maximum likelihood ({@link PowerTransformFit}, {@code S = Σ log y_i}). Unlike
 * {@link YeoJohnson}, which {@link TargetTransform} applies to centred values, it acts on the values' own scale, so
 * that with λ near 0 it spreads the values close to 0 apart as a logarithm does: a loss that spans orders of
 * magnitude becomes a target whose differences near the minimum a GP can resolve. HEBO warps positive objectives
 * this way (Cowen-Rivers et al., JAIR 2022).
 */
final class BoxCox {

    private static final double MIN_LAMBDA = -2;
    private static final double MAX_LAMBDA = 2;

    private BoxCox() {
    }

    /** ψ(y; λ) for y &gt; 0. */
    static double transform(double y, double lambda) {
        return Math.abs(lambda) < 1e-12 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
    }

    /** ψ'(y; λ) for y &gt; 0. */
    static double derivative(double y, double lambda) {
        return Math.pow(y, lambda - 1);
    }

    /** The maximum-likelihood λ for positive {@code y}. */
    static double fitLambda(double[] y) {
        double sumLogs = 0;
        for (double v : y) {
            sumLogs += Math.log(v);
        }
        return PowerTransformFit.lambda(y, BoxCox::transform, sumLogs, MIN_LAMBDA, MAX_LAMBDA);
    }
}
