package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated filter: which of a set of objective vectors no other one dominates. Vectors are oriented so
 * that larger is better in every coordinate ({@link Objectives#orient}). A vector {@code a} dominates {@code b}
 * when {@code a_j >= b_j} for every objective j and {@code a_j > b_j} for at least one (Deb, "Multi-Objective
 * Optimization Using Evolutionary Algorithms", 2001, def. 2.5). Equal vectors do not dominate each other, so
 * duplicates on the front are all kept.
 *
 * <p>Hand-written: neither EJML nor Hipparchus has a Pareto filter, and the O(n² d) pairwise check is enough for
 * the hundreds of trials a study has.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** Whether {@code a} dominates {@code b} (both oriented to maximisation, of the same length). */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictlyBetter = false;
        for (int j = 0; j < a.length; j++) {
            if (a[j] < b[j]) {
                return false;
            }
            strictlyBetter |= a[j] > b[j];
        }
        return strictlyBetter;
    }

    /** The indices, in input order, of the vectors that no other vector dominates. */
    public static List<Integer> nonDominated(List<double[]> points) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int k = 0; k < points.size() && !dominated; k++) {
                dominated = k != i && dominates(points.get(k), points.get(i));
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out;
    }
}
