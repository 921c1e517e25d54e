package dev.hpo.optimizer.bo;

import java.util.List;

/**
 * The greedy step of a constrained study: the objective GP's posterior mean, maximised subject to
 * {@code P(feasible) = Π_c PoF_c(x) >= 1/2} (the constraints modelled as independent, as in
 * {@link ProductAcquisition}). The constraint enters as an exact penalty on its logarithm,
 * <pre>
 *   a(x) = μ(x) − λ max(0, log ½ − Σ_c log PoF_c(x))
 * </pre>
 * with μ in the objective GP's standardised target units and λ = {@value #PENALTY}: where the point is more likely
 * feasible than not, a(x) is the posterior mean; elsewhere it falls steeply, with a gradient back into the feasible
 * region, so the optimiser's climbs end on its boundary rather than past it. λ only has to exceed the mean's rate of
 * change along the boundary (the Lagrange multiplier), a few target units per unit of log-probability at most.
 *
 * @param mean        the objective GP under the posterior mean (UCB with κ = 0)
 * @param feasibility one {@code log PoF_c} factor per constraint GP; none leaves the posterior mean alone
 */
record FeasibleMean(GpAcquisition mean, List<GpAcquisition> feasibility) implements AcquisitionSurface {

    /** λ, in target units per unit of log-probability. */
    static final double PENALTY = 100;
    private static final double LOG_HALF = Math.log(0.5);

    FeasibleMean {
        feasibility = List.copyOf(feasibility);
    }

    @Override
    public int size() {
        return mean.size();
    }

    @Override
    public double[] score(double[][] points) {
        double[] scores = mean.score(points);
        double[] logFeasible = new double[points.length];
        for (GpAcquisition f : feasibility) {
            double[] s = f.score(points);
            for (int i = 0; i < points.length; i++) {
                logFeasible[i] += s[i];
            }
        }
        for (int i = 0; i < points.length; i++) {
            scores[i] -= PENALTY * Math.max(0, LOG_HALF - logFeasible[i]);
        }
        return scores;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        double value = mean.valueAndGradient(point, gradient);
        double[] penaltyGradient = new double[gradient.length];
        double[] g = new double[gradient.length];
        double logFeasible = 0;
        for (GpAcquisition f : feasibility) {
            logFeasible += f.valueAndGradient(point, g);
            for (int j = 0; j < g.length; j++) {
                penaltyGradient[j] += g[j];
            }
        }
        if (logFeasible < LOG_HALF) {
            value -= PENALTY * (LOG_HALF - logFeasible);
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += PENALTY * penaltyGradient[j];
            }
        }
        return value;
    }
}
