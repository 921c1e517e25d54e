package dev.hpo.optimizer.bo;

import java.util.Arrays;
import java.util.List;

/**
 * The product of acquisition functions of independent surrogates, climbed in log space:
 * {@code log Π_k a_k(x) = Σ_k log a_k(x)}, so the objective and gradient are the sums of the factors' (each
 * factor's {@link Acquisition#objective} is a logarithm, see {@link ExpectedImprovement},
 * {@link ProbabilityOfFeasibility}). Constrained EI, {@code EI(x) Π_c PoF_c(x)} (Gardner et al. 2014), is the
 * product of the objective GP's EI and each constraint GP's probability of feasibility, the constraints being
 * modelled as independent; without a feasible incumbent the EI factor is left out (Gelbart et al. 2014).
 *
 * @param factors at least one; the first sets {@link #size()}
 */
record ProductAcquisition(List<GpAcquisition> factors) implements AcquisitionSurface {

    ProductAcquisition {
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one factor");
        }
    }

    @Override
    public int size() {
        return factors.get(0).size();
    }

    @Override
    public double[] score(double[][] points) {
        double[] sum = new double[points.length];
        for (GpAcquisition f : factors) {
            double[] s = f.score(points);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s[i];
            }
        }
        return sum;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        Arrays.fill(gradient, 0);
        double[] g = new double[gradient.length];
        double value = 0;
        for (GpAcquisition f : factors) {
            value += f.valueAndGradient(point, g);
            for (int j = 0; j < g.length; j++) {
                gradient[j] += g[j];
            }
        }
        return value;
    }
}
