package dev.hpo.optimizer.bo;

import dev.hpo.common.study.OutcomeConstraint;
import dev.hpo.optimizer.strategy.Observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One GP per constrained metric, each fitted with the objective GP's kernel, hyperparameter fitter and priors to
 * the metric's standardised values {@code (g − mean) / sd}, its bounds standardised alike, so that
 * {@link ProbabilityOfFeasibility} reads P(constraint holds) off the posterior (Gardner et al. 2014; Gelbart,
 * Snoek and Adams 2014). No Yeo-Johnson warp: the bounds must map through the same transform, and a linear one
 * keeps them where a reader put them.
 *
 * <p>An observation that lacks a constrained metric (or reports a non-finite one) is infeasible for the incumbent,
 * as {@link OutcomeConstraint#holds} says, but stays out of that metric's GP: there is no value to fit, and an
 * invented one (say the worst seen) would pull the posterior towards a number nobody measured. A constraint no
 * observation reports yet has no GP and contributes no factor (a constant, which changes no argmax).
 */
final class ConstraintSurrogates {

    /** A constraint's GP and its bounds in the GP's units. */
    private record Model(GaussianProcess gp, ProbabilityOfFeasibility feasibility) {
    }

    private final List<Model> models;
    private final GpHyperparameters[] fits;

    private ConstraintSurrogates(List<Model> models, GpHyperparameters[] fits) {
        this.models = models;
        this.fits = fits;
    }

    /**
     * Fits a GP per constraint to the observations reporting its metric.
     *
     * @param x        the encoded observations, in the order of {@code observations}
     * @param previous the previous fits, by constraint index, to start from (entries may be null)
     */
    static ConstraintSurrogates fit(List<OutcomeConstraint> constraints, List<Observation> observations,
                                    double[][] x, Kernel kernel, HyperparameterFitter fitter,
                                    GpHyperparameters[] previous, SplittableRandom random) {
        List<Model> models = new ArrayList<>();
        GpHyperparameters[] fits = new GpHyperparameters[constraints.size()];
        for (int c = 0; c < constraints.size(); c++) {
            OutcomeConstraint constraint = constraints.get(c);
            List<double[]> rows = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < observations.size(); i++) {
                Double v = observations.get(i).metrics().get(constraint.metric());
                if (v != null && Double.isFinite(v)) {
                    rows.add(x[i]);
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            double[] g = values.stream().mapToDouble(Double::doubleValue).toArray();
            Standardisation standard = Standardisation.of(g);
            // A constant metric has no scale to learn; its own units (sd 1) keep the bounds at their distance.
            Standardisation scale = standard.constant() ? new Standardisation(standard.mean(), 1) : standard;
            double[] y = Arrays.stream(g).map(scale::apply).toArray();
            double[][] inputs = rows.toArray(double[][]::new);
            fits[c] = fitter.fit(inputs, y, previous != null && c < previous.length ? previous[c] : null, random);
            ProbabilityOfFeasibility feasibility = new ProbabilityOfFeasibility(
                    constraint.min() == null ? Double.NEGATIVE_INFINITY : scale.apply(constraint.min()),
                    constraint.max() == null ? Double.POSITIVE_INFINITY : scale.apply(constraint.max()));
            models.add(new Model(GaussianProcess.fit(kernel, fits[c], inputs, y), feasibility));
        }
        return new ConstraintSurrogates(models, fits);
    }

    /** The fitted hyperparameters by constraint index (null for a constraint without a GP), for the next fit. */
    GpHyperparameters[] hyperparameters() {
        return fits.clone();
    }

    /** Whether every constraint GP's posterior mean at {@code point} lies within its bounds. */
    boolean holdsAt(double[] point) {
        return models.stream().allMatch(m -> m.feasibility().holds(m.gp().mean(point)));
    }

    /** Every constraint GP conditioned on its posterior mean at {@code point} (the kriging believer). */
    ConstraintSurrogates believe(double[] point) {
        List<Model> believed = models.stream()
                .map(m -> new Model(m.gp().condition(point, m.gp().mean(point)), m.feasibility()))
                .toList();
        return new ConstraintSurrogates(believed, fits);
    }

    /** One probability-of-feasibility factor per constraint GP. */
    List<GpAcquisition> factors() {
        return models.stream().map(m -> new GpAcquisition(m.gp(), m.feasibility())).toList();
    }
}
