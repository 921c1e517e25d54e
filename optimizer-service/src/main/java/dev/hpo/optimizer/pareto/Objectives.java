package dev.hpo.optimizer.pareto;

import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-objective study's objectives and hypervolume references, turning a trial's metrics into an objective
 * vector oriented so that larger is better in every coordinate (a minimised metric is negated).
 *
 * <p>The reference point r of the hypervolume is, per metric, the spec's {@code objectives[i].reference} when
 * given. Otherwise, for a maximised metric, 0 when every observed value is {@code >= 0} (recall, precision, AUC
 * and the like, whose natural worst is 0), else the worst observed value; for a minimised metric, 0 when every
 * observed value is {@code <= 0}, else the worst (largest) observed value. A trial on the reference's boundary
 * adds no volume.
 *
 * @param objectives 2 to 4 objectives
 * @param references the reference value of a metric, in the metric's own units, where the spec gives one
 */
public record Objectives(List<Objective> objectives, Map<String, Double> references) {

    public Objectives {
        objectives = List.copyOf(objectives);
        references = Map.copyOf(references);
    }

    public int size() {
        return objectives.size();
    }

    /** The oriented objective vector of a trial's metrics, or empty when one of the objectives is missing. */
    public Optional<double[]> orient(Map<String, Double> metrics) {
        double[] v = new double[objectives.size()];
        for (int j = 0; j < v.length; j++) {
            Double x = metrics.get(objectives.get(j).metric());
            if (x == null || !Double.isFinite(x)) {
                return Optional.empty();
            }
            v[j] = sign(j) * x;
        }
        return Optional.of(v);
    }

    /** The oriented reference point for these oriented objective vectors (see the class comment). */
    public double[] reference(List<double[]> oriented) {
        double[] r = new double[objectives.size()];
        for (int j = 0; j < r.length; j++) {
            Double given = references.get(objectives.get(j).metric());
            if (given != null) {
                r[j] = sign(j) * given;
            } else {
                int jj = j;
                double worst = oriented.stream().mapToDouble(p -> p[jj]).min().orElse(0);
                r[j] = Math.min(0, worst);
            }
        }
        return r;
    }

    /** The oriented value back in the metric's own units. */
    public double metricValue(int j, double oriented) {
        return sign(j) * oriented;
    }

    private double sign(int j) {
        return objectives.get(j).direction() == Direction.MAXIMIZE ? 1 : -1;
    }
}
