package dev.hpo.optimizer.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hypervolume of a Pareto front that grows one objective vector at a time (oriented to maximisation, one
 * reference point r throughout), updated by each vector's exclusive contribution instead of measured again:
 * <pre>
 *   HV(S ∪ {p}) = HV(S) + λ([r, p]) − HV({ p ∧ q : q ∈ S })
 * </pre>
 * where {@code p ∧ q} is the coordinatewise minimum, the corner of the part of q's box that lies inside p's box
 * (the exclusive hypervolume of WFG: While, Bradstreet and Barone, "A Fast Way of Calculating Exact Hypervolumes",
 * IEEE TEC 16(1), 2012, eq. 3). Only the non-dominated ones of these limited vectors are measured, usually a few of
 * the front; a vector that the front dominates or equals adds nothing and measures nothing.
 *
 * <p>Measuring the whole front after every vector, as the hypervolume curve of a study once did, costs one
 * hypervolume of the front per trial: hundreds of thousands of vectors measured for a study of 2,000 trials and a
 * front of a few hundred, where this measures a few thousand.
 */
public final class HypervolumeCurve {

    private final double[] reference;
    private final List<double[]> front = new ArrayList<>();
    private double volume;
    private long measured;

    /** An empty front measured against {@code reference}. */
    public HypervolumeCurve(double[] reference) {
        this.reference = reference.clone();
    }

    /**
     * The hypervolume after each entry of {@code sequence}; an empty entry (a trial without an objective vector)
     * repeats the value before it, 0 before the first vector.
     */
    public static List<Double> of(List<Optional<double[]>> sequence, double[] reference) {
        HypervolumeCurve curve = new HypervolumeCurve(reference);
        List<Double> out = new ArrayList<>(sequence.size());
        for (Optional<double[]> v : sequence) {
            out.add(v.map(curve::add).orElse(curve.volume()));
        }
        return out;
    }

    /**
     * Adds {@code p} to the front and returns the front's hypervolume.
     *
     * @throws IllegalArgumentException when p's length differs from the reference's
     */
    public double add(double[] p) {
        if (p.length != reference.length) {
            throw new IllegalArgumentException("point " + Arrays.toString(p) + " has " + p.length
                    + " objectives, the reference " + Arrays.toString(reference) + " has " + reference.length);
        }
        for (double[] q : front) {
            if (ParetoFront.dominates(q, p) || Arrays.equals(q, p)) {
                return volume;
            }
        }
        double box = box(p);
        if (box > 0) {
            List<double[]> kept = limitedSet(p);
            measured += kept.size();
            // Rounding can make a vanishing contribution slightly negative; the hypervolume never decreases.
            volume += Math.max(0, box - Hypervolume.of(kept, reference));
        }
        front.removeIf(q -> ParetoFront.dominates(p, q));
        front.add(p.clone());
        return volume;
    }

    /** The hypervolume of the front so far. */
    public double volume() {
        return volume;
    }

    /** How many vectors the exact hypervolume has been given so far: the cost of the curve. */
    long measured() {
        return measured;
    }

    /** The size of the front so far. */
    int frontSize() {
        return front.size();
    }

    /**
     * The non-dominated ones of {@code p ∧ q} over the front that lie strictly above the reference (the others
     * have no volume, and dominate only vectors without volume either), kept as an archive that each limited vector
     * joins unless one already there dominates or equals it: O(front · kept), with no sort.
     */
    private List<double[]> limitedSet(double[] p) {
        List<double[]> kept = new ArrayList<>();
        for (double[] q : front) {
            double[] l = limit(q, p);
            if (box(l) > 0 && !coveredBy(kept, l)) {
                kept.removeIf(k -> ParetoFront.dominates(l, k));
                kept.add(l);
            }
        }
        return kept;
    }

    /** Whether a vector of {@code kept} dominates or equals {@code l}. */
    private static boolean coveredBy(List<double[]> kept, double[] l) {
        for (double[] k : kept) {
            if (ParetoFront.dominates(k, l) || Arrays.equals(k, l)) {
                return true;
            }
        }
        return false;
    }

    /** {@code λ([r, p])}, 0 unless p is strictly better than r in every coordinate. */
    private double box(double[] p) {
        double v = 1;
        for (int j = 0; j < p.length; j++) {
            v *= Math.max(0, p[j] - reference[j]);
        }
        return v;
    }

    private static double[] limit(double[] q, double[] p) {
        double[] out = new double[q.length];
        for (int j = 0; j < q.length; j++) {
            out[j] = Math.min(q[j], p[j]);
        }
        return out;
    }
}
