package dev.hpo.optimizer.bo;

/**
 * An acquisition function as a function of the encoded point x in the unit cube: what
 * {@link AcquisitionOptimizer} climbs. A {@link GpAcquisition} is one surrogate under one {@link Acquisition}; a
 * {@link ProductAcquisition} multiplies several (constrained optimisation: EI × P(feasible)).
 */
interface AcquisitionSurface {

    /** The number of observations behind the surrogates, which sets how much searching the optimiser can afford. */
    int size();

    /** The objective ({@link Acquisition#objective}) at many points. */
    double[] score(double[][] points);

    /** The objective at {@code point}, with its gradient with respect to the point written into {@code gradient}. */
    double valueAndGradient(double[] point, double[] gradient);
}
