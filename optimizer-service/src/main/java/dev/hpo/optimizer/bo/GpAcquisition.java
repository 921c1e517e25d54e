package dev.hpo.optimizer.bo;

/**
 * One acquisition function of one GP's posterior, {@code a(μ(x), σ(x))}, with the gradient by the chain rule
 * {@code ∇a = (∂a/∂μ) ∇μ + (∂a/∂σ) ∇σ} and {@code ∇σ = ∇σ² / (2σ)}.
 */
record GpAcquisition(GaussianProcess gp, Acquisition acquisition) implements AcquisitionSurface {

    @Override
    public int size() {
        return gp.size();
    }

    @Override
    public double[] score(double[][] points) {
        double[] means = new double[points.length];
        double[] variances = new double[points.length];
        gp.predict(points, means, variances);
        double[] partials = new double[2];
        double[] scores = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            scores[i] = acquisition.objective(means[i], Math.sqrt(variances[i]), partials);
        }
        return scores;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        int d = point.length;
        double[] dMean = new double[d];
        double[] dVariance = new double[d];
        double[] mv = gp.predictWithGradient(point, dMean, dVariance);
        double sd = Math.sqrt(mv[1]);
        double[] partials = new double[2];
        double value = acquisition.objective(mv[0], sd, partials);
        for (int j = 0; j < d; j++) {
            gradient[j] = partials[0] * dMean[j] + partials[1] * dVariance[j] / (2 * sd);
        }
        return value;
    }
}
