package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact hypervolume indicator (Zitzler and Thiele 1998): the Lebesgue measure of the region that a set of
 * objective vectors dominates and that dominates the reference point r,
 * {@code HV(P) = λ( ∪_{p ∈ P} [r_1, p_1] × … × [r_d, p_d] )}, with every vector oriented so that larger is better.
 * Vectors not strictly better than r in every coordinate add nothing and are dropped.
 *
 * <p>Computed by slicing objectives (HSO, While, Hingston, Barone and Huband, "A faster algorithm for calculating
 * hypervolume", IEEE TEC 2006): sort by the last objective, best first; the slab between the i-th and (i+1)-th
 * value of it (or r) has as cross-section the (d−1)-dimensional hypervolume of the first i vectors. In two
 * dimensions that is the usual sweep over the front sorted by one objective, the running maximum of the other
 * giving each slab's width: O(n log n), and O(n² log n) in three dimensions. Exponential in d in the worst case,
 * which is harmless for the 2 to 4 objectives of a study.
 *
 * <p>Hand-written: neither EJML nor Hipparchus computes hypervolumes.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} with respect to {@code reference}, every vector oriented to maximisation.
     *
     * @throws IllegalArgumentException when a vector's length differs from the reference's
     */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point " + Arrays.toString(p) + " has " + p.length
                        + " objectives, the reference " + Arrays.toString(reference) + " has " + reference.length);
            }
            if (strictlyBetter(p, reference)) {
                inside.add(p);
            }
        }
        return inside.isEmpty() ? 0 : slice(inside, reference, reference.length);
    }

    private static boolean strictlyBetter(double[] p, double[] reference) {
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] > reference[j])) {
                return false;
            }
        }
        return true;
    }

    /** The hypervolume of {@code points} in their first {@code d} coordinates. */
    private static double slice(List<double[]> points, double[] reference, int d) {
        int last = d - 1;
        if (d == 1) {
            return points.stream().mapToDouble(p -> p[0]).max().orElse(reference[0]) - reference[0];
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[last]).reversed());
        double volume = 0;
        double widest = reference[0];
        for (int i = 0; i < sorted.size(); i++) {
            double below = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double depth = sorted.get(i)[last] - below;
            // In two dimensions the cross-section of the first i + 1 vectors is their widest first coordinate.
            widest = Math.max(widest, sorted.get(i)[0]);
            if (depth > 0) {
                volume += depth * (d == 2 ? widest - reference[0] : slice(sorted.subList(0, i + 1), reference, last));
            }
        }
        return volume;
    }
}
