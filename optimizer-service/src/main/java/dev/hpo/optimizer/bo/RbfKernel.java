package dev.hpo.optimizer.bo;

/**
 * The squared-exponential (RBF) kernel (Rasmussen and Williams 2006, eq. 4.9), for very smooth objectives:
 * {@code g(r²) = exp(−r²/2)} and {@code dg/d(r²) = −g/2}, where r is the ARD-scaled distance.
 */
public record RbfKernel() implements Kernel {

    @Override
    public double correlation(double r2) {
        return Math.exp(-0.5 * r2);
    }

    @Override
    public double derivative(double r2) {
        return -0.5 * Math.exp(-0.5 * r2);
    }
}
