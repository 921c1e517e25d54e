package dev.hpo.optimizer.bo;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Yeo-Johnson power transform (Yeo and Johnson, Biometrika 2000), which makes skewed data closer to normal:
 * <pre>
 *   ψ(y; λ) = ((y + 1)^λ − 1) / λ              y ≥ 0, λ ≠ 0      (log(1 + y) when λ = 0)
 *   ψ(y; λ) = −((1 − y)^(2−λ) − 1) / (2 − λ)    y &lt; 0, λ ≠ 2      (−log(1 − y) when λ = 2)
 * </pre>
 * with λ chosen by maximum likelihood under a normal model of ψ(y),
 * {@code ℓ(λ) = −(n/2) log σ̂²(ψ) + (λ − 1) Σ sign(y_i) log(1 + |y_i|)}. Objective values in hyperparameter
 * optimisation are often heavy-tailed (a few diverged runs, or a few good ones among many poor), which a GP with
 * one signal variance fits badly; HEBO warps its targets this way (Cowen-Rivers et al., JAIR 2022).
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

    /** The maximum-likelihood λ for {@code y}. */
    static double fitLambda(double[] y) {
        double jacobian = 0;
        for (double v : y) {
            jacobian += Math.signum(v) * Math.log1p(Math.abs(v));
        }
        double logJacobian = jacobian;
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        return brent.optimize(new MaxEval(200), GoalType.MAXIMIZE,
                new SearchInterval(MIN_LAMBDA, MAX_LAMBDA, 1.0),
                new UnivariateObjectiveFunction(lambda -> logLikelihood(y, lambda, logJacobian))).getPoint();
    }

    private static double logLikelihood(double[] y, double lambda, double logJacobian) {
        int n = y.length;
        double mean = 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = transform(y[i], lambda);
            mean += t[i] / n;
        }
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean) / n;
        }
        return -0.5 * n * Math.log(Math.max(variance, Double.MIN_NORMAL)) + (lambda - 1) * logJacobian;
    }
}
