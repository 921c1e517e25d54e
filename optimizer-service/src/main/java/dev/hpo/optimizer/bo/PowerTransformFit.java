package dev.hpo.optimizer.bo;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

import java.util.function.DoubleBinaryOperator;

/**
 * The maximum-likelihood λ of a one-parameter power transform ψ(y; λ) ({@link YeoJohnson}, {@link BoxCox}) under
 * a normal model of ψ(y):
 * <pre>
 *   ℓ(λ) = −(n/2) log σ̂²(ψ(y; λ)) + (λ − 1) S
 * </pre>
 * where {@code (λ − 1) S = Σ log ψ'(y_i; λ)} is the log Jacobian that makes the likelihoods of different λ
 * comparable, and S depends on the transform alone. Neither Hipparchus nor EJML has power transforms; the search
 * is Hipparchus's Brent optimiser over a bounded interval.
 */
final class PowerTransformFit {

    private PowerTransformFit() {
    }

    static double lambda(double[] y, DoubleBinaryOperator transform, double jacobianSum, double min, double max) {
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        return brent.optimize(new MaxEval(200), GoalType.MAXIMIZE, new SearchInterval(min, max, 1.0),
                new UnivariateObjectiveFunction(lambda -> logLikelihood(y, lambda, transform, jacobianSum)))
                .getPoint();
    }

    private static double logLikelihood(double[] y, double lambda, DoubleBinaryOperator transform,
                                        double jacobianSum) {
        int n = y.length;
        double mean = 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = transform.applyAsDouble(y[i], lambda);
            mean += t[i] / n;
        }
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean) / n;
        }
        return -0.5 * n * Math.log(Math.max(variance, Double.MIN_NORMAL)) + (lambda - 1) * jacobianSum;
    }
}
