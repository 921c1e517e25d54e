package dev.hpo.optimizer.bo;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function over a box with a projected limited-memory BFGS method: the two-loop recursion
 * (Nocedal and Wright 2006, algorithm 7.4) gives the quasi-Newton step on the coordinates not held at a bound
 * (those where the gradient points out of the box are frozen, as in Bertsekas' projected Newton method, 1982),
 * and a backtracking Armijo search runs along the projected path {@code P(x + t d)}.
 *
 * <p>Written here rather than taken from Hipparchus 4: it has no L-BFGS(-B), its
 * {@code NonLinearConjugateGradientOptimizer} is unbounded and line-searches with Brent's gradient-free method
 * (ten or more evaluations per iteration, each an O(n³) Cholesky when fitting a GP), and BOBYQA and CMA-ES ignore
 * the analytic gradients that both the marginal likelihood and the acquisition functions have.
 */
final class BoxLbfgs {

    /** A function and its gradient. */
    interface Objective {
        /** {@code f(x)}, with {@code ∇f(x)} written into {@code gradient}. */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The best point found, its value and how many evaluations it took. */
    record Result(double[] x, double value, int evaluations) {
    }

    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 25;

    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    /**
     * @param maxIterations     iteration cap
     * @param gradientTolerance stop when the projected gradient's largest component is below this
     * @param relativeTolerance stop when an iteration improves f by less than this fraction of max(|f|, 1)
     */
    BoxLbfgs(int maxIterations, double gradientTolerance, double relativeTolerance) {
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    Result minimise(Objective f, double[] start, double[] lower, double[] upper) {
        int m = start.length;
        double[] x = project(start, lower, upper);
        double[] g = new double[m];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        Deque<double[][]> memory = new ArrayDeque<>();
        for (int iteration = 0; iteration < maxIterations && Double.isFinite(fx); iteration++) {
            double[] pg = projectedGradient(x, g, lower, upper);
            if (maxAbs(pg) < gradientTolerance) {
                break;
            }
            double[] d = direction(pg, memory);
            double slope = dot(d, pg);
            if (!(slope < 0)) {
                memory.clear();
                d = negate(pg);
                slope = dot(d, pg);
            }
            // The first step has no curvature information: limit it to a unit move of the largest coordinate.
            double t = memory.isEmpty() ? Math.min(1.0, 1.0 / maxAbs(d)) : 1.0;
            double[] xNew = null;
            double[] gNew = new double[m];
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int back = 0; back < MAX_BACKTRACKS && !accepted; back++) {
                xNew = project(axpy(t, d, x), lower, upper);
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                double decrease = dot(g, difference(xNew, x));
                accepted = Double.isFinite(fNew) && fNew <= fx + ARMIJO * decrease;
                t = shorterStep(t, fx, decrease, fNew);
            }
            if (!accepted) {
                break;
            }
            double[] s = difference(xNew, x);
            double[] yv = difference(gNew, g);
            if (dot(s, yv) > 1e-12 * dot(yv, yv)) {
                memory.addFirst(new double[][]{s, yv});
                if (memory.size() > MEMORY) {
                    memory.removeLast();
                }
            }
            double improvement = fx - fNew;
            x = xNew;
            g = gNew;
            fx = fNew;
            if (improvement <= relativeTolerance * Math.max(Math.abs(fx), 1.0)) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    /**
     * The minimiser of the quadratic through f(0), the slope along the step and f(t), kept within [0.1 t, 0.5 t]
     * (Nocedal and Wright 2006, section 3.5): far fewer evaluations than halving when the first step is much too
     * long; plain halving when f(t) is not finite.
     */
    private static double shorterStep(double t, double f0, double decrease, double ft) {
        if (!Double.isFinite(ft)) {
            return 0.5 * t;
        }
        double curvature = ft - f0 - decrease;
        double ratio = curvature > 0 ? -decrease / (2 * curvature) : 0.5;
        return t * Math.min(0.5, Math.max(0.1, ratio));
    }

    /** The gradient with the components that push against an active bound set to zero. */
    private static double[] projectedGradient(double[] x, double[] g, double[] lower, double[] upper) {
        double[] pg = g.clone();
        for (int i = 0; i < x.length; i++) {
            if ((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) {
                pg[i] = 0;
            }
        }
        return pg;
    }

    /** {@code −H pg} by the two-loop recursion, kept on the free coordinates (where pg is non-zero). */
    private static double[] direction(double[] pg, Deque<double[][]> memory) {
        double[] q = pg.clone();
        double[] alphas = new double[memory.size()];
        int k = 0;
        for (double[][] pair : memory) {
            double rho = 1.0 / dot(pair[1], pair[0]);
            alphas[k] = rho * dot(pair[0], q);
            q = axpy(-alphas[k], pair[1], q);
            k++;
        }
        if (!memory.isEmpty()) {
            double[][] newest = memory.peekFirst();
            double gamma = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        var it = memory.descendingIterator();
        k = memory.size() - 1;
        while (it.hasNext()) {
            double[][] pair = it.next();
            double rho = 1.0 / dot(pair[1], pair[0]);
            double beta = rho * dot(pair[1], q);
            q = axpy(alphas[k] - beta, pair[0], q);
            k--;
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = pg[i] == 0 ? 0 : -q[i];
        }
        return q;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return p;
    }

    private static double[] axpy(double a, double[] x, double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = a * x[i] + y[i];
        }
        return r;
    }

    private static double[] difference(double[] a, double[] b) {
        return axpy(-1, b, a);
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
