package dev.hpo.optimizer.bo;

/**
 * The Matérn kernel with smoothness 5/2 (Rasmussen and Williams 2006, eq. 4.17), the default of GP-based
 * hyperparameter optimisation since Snoek, Larochelle and Adams (2012), because it allows rougher objectives than
 * the squared exponential: {@code g(r) = (1 + √5 r + 5r²/3) exp(−√5 r)}, and
 * {@code dg/d(r²) = −(5/6)(1 + √5 r) exp(−√5 r)}, where r is the ARD-scaled distance.
 */
public record Matern52Kernel() implements Kernel {

    private static final double SQRT5 = Math.sqrt(5.0);

    @Override
    public double correlation(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    @Override
    public double derivative(double r2) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
