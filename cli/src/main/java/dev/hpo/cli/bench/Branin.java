package dev.hpo.cli.bench;

import java.util.Map;

/**
 * The Branin-Hoo function, what the stub workers report as a trial's objective:
 * {@code f(x1, x2) = a (x2 - b x1^2 + c x1 - r)^2 + s (1 - t) cos(x1) + s} with {@code a = 1},
 * {@code b = 5.1 / (4 pi^2)}, {@code c = 5 / pi}, {@code r = 6}, {@code s = 10}, {@code t = 1 / (8 pi)}, on
 * {@code x1 in [-5, 10]}, {@code x2 in [0, 15]}; minimum 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475)
 * (Surjanovic and Bingham, Virtual Library of Simulation Experiments, "Branin function").
 */
final class Branin {

    /** The metric name the bench's studies minimise and the stubs report. */
    static final String METRIC = "branin";

    private static final double B = 5.1 / (4 * Math.PI * Math.PI);
    private static final double C = 5 / Math.PI;
    private static final double T = 1 / (8 * Math.PI);

    private Branin() {
    }

    static double at(double x1, double x2) {
        double inner = x2 - B * x1 * x1 + C * x1 - 6;
        return inner * inner + 10 * (1 - T) * Math.cos(x1) + 10;
    }

    /**
     * The value at a trial's {@code x1} and {@code x2}.
     *
     * @throws IllegalArgumentException if either is missing or not a number
     */
    static double at(Map<String, Object> params) {
        return at(number(params, "x1"), number(params, "x2"));
    }

    private static double number(Map<String, Object> params, String name) {
        if (params.get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("parameter " + name + " must be a number, got " + params.get(name));
    }
}
