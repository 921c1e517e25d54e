package dev.hpo.optimizer.pareto;

import java.util.List;
import java.util.Optional;

/**
 * The member of a Pareto set that stands for it where one configuration is needed: a multi-objective study's best
 * trial, the one its final refit trains. Two rules:
 * <ul>
 *   <li>{@link Rule#IDEAL} (the default): each objective is scaled to [0, 1] over the set,
 *   {@code n_j = (v_j − min_j) / (max_j − min_j)} on the oriented values (1 at the set's best value of objective j,
 *   1 for every member where the objective does not vary), and the member nearest to the ideal point (1, …, 1),
 *   the set's best value of every objective at once, is chosen: the smallest {@code d = ‖1 − n‖₂}. This is
 *   compromise programming (Zeleny, "Compromise Programming", 1973; the global criterion method with the L2
 *   metric in Miettinen, "Nonlinear Multiobjective Optimization", 1999, sec. 3.1); the scaling makes every
 *   objective count alike whatever its units.</li>
 *   <li>{@link Rule#SELECT} ({@code finalRefit: {select: <metric>}}): the member with the best value of that
 *   objective, the distance breaking ties.</li>
 * </ul>
 * Remaining ties go to the member listed first.
 *
 * @param member   the chosen member
 * @param rule     the rule that chose it
 * @param select   the objective of {@link Rule#SELECT} (an index into the objectives); -1 for {@link Rule#IDEAL}
 * @param ideal    the ideal point, oriented: the set's best value of each objective
 * @param distance the member's distance d to the ideal point after the scaling, in [0, √m] for m objectives
 * @param <T>      the member type
 */
public record ParetoChoice<T>(T member, Rule rule, int select, double[] ideal, double distance) {

    /** How the member was chosen. */
    public enum Rule {
        /** Nearest to the ideal point after each objective is scaled over the set. */
        IDEAL,
        /** The best value of one objective. */
        SELECT
    }

    /**
     * The choice among {@code members} with oriented objective vectors {@code points} (same order); empty for an
     * empty set.
     *
     * @param select the objective whose best value decides, or -1 for the member nearest to the ideal point
     */
    public static <T> Optional<ParetoChoice<T>> of(List<T> members, List<double[]> points, int select) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        int m = points.get(0).length;
        double[] low = new double[m];
        double[] high = new double[m];
        for (int j = 0; j < m; j++) {
            int jj = j;
            low[j] = points.stream().mapToDouble(p -> p[jj]).min().orElseThrow();
            high[j] = points.stream().mapToDouble(p -> p[jj]).max().orElseThrow();
        }
        int chosen = 0;
        double chosenDistance = distance(points.get(0), low, high);
        for (int i = 1; i < points.size(); i++) {
            double d = distance(points.get(i), low, high);
            double[] p = points.get(i);
            double[] c = points.get(chosen);
            boolean better = select >= 0 && p[select] != c[select] ? p[select] > c[select] : d < chosenDistance;
            if (better) {
                chosen = i;
                chosenDistance = d;
            }
        }
        return Optional.of(new ParetoChoice<>(members.get(chosen), select >= 0 ? Rule.SELECT : Rule.IDEAL, select,
                high, chosenDistance));
    }

    /** {@code ‖1 − n‖₂} of the oriented vector p scaled by the set's range per objective. */
    private static double distance(double[] p, double[] low, double[] high) {
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double range = high[j] - low[j];
            double gap = range > 0 ? (high[j] - p[j]) / range : 0;
            sum += gap * gap;
        }
        return Math.sqrt(sum);
    }
}
