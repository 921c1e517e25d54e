package dev.hpo.optimizer.bench;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.OutcomeConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Test functions for minimisation with known minima: the standard ones of Surjanovic and Bingham's "Virtual
 * Library of Simulation Experiments" (sfu.ca/~ssurjano), with their usual domains, plus a mixed-type function.
 */
public enum BenchmarkFunction {

    /** Branin-Hoo on [−5, 10] × [0, 15]; minimum 0.397887 at three points. */
    BRANIN("branin", 0.397887357729738) {
        @Override
        SearchSpace space() {
            return new SearchSpace(List.of(new FloatParameter("x1", -5, 10), new FloatParameter("x2", 0, 15)));
        }

        @Override
        double evaluate(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },

    /** Hartmann 6-D on [0, 1]⁶; minimum −3.32237. */
    HARTMANN6("hartmann6", -3.32236801141551) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
                {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
                {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
                {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        SearchSpace space() {
            return box(6, 0, 1);
        }

        @Override
        double evaluate(double[] x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    inner += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
                }
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }
    },

    /** Ackley 5-D on [−32.768, 32.768]⁵ (a = 20, b = 0.2, c = 2π); minimum 0 at the origin. */
    ACKLEY5("ackley5", 0) {
        @Override
        SearchSpace space() {
            return box(5, -32.768, 32.768);
        }

        @Override
        double evaluate(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            int d = x.length;
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        }
    },

    /** Rosenbrock 4-D on [−5, 10]⁴; minimum 0 at (1, 1, 1, 1). */
    ROSENBROCK4("rosenbrock4", 0) {
        @Override
        SearchSpace space() {
            return box(4, -5, 10);
        }

        @Override
        double evaluate(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length - 1; i++) {
                sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
            }
            return sum;
        }
    },

    /**
     * A hyperparameter-like mixed space: a float, a log float, an int, a four-way choice and a boolean, with an
     * interaction between the float and the choice; minimum 0 at x = 1.2, lr = 10^−1.5, layers = 4, act = relu,
     * norm = true.
     */
    MIXED5("mixed5", 0) {
        private static final List<Object> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "elu");
        private static final double[] ACTIVATION_COST = {0, 0.3, 0.8, 0.15};

        @Override
        SearchSpace space() {
            return new SearchSpace(List.of(
                    new FloatParameter("x", -5, 5),
                    new FloatParameter("lr", 1e-4, 1, OptionalDouble.empty(), true, Optional.empty()),
                    new IntParameter("layers", 1, 12, 1),
                    new ChoiceParameter("act", ACTIVATIONS),
                    new BooleanParameter("norm")));
        }

        @Override
        public double evaluate(Map<String, Object> config) {
            double x = ((Number) config.get("x")).doubleValue();
            double lr = Math.log10(((Number) config.get("lr")).doubleValue()) + 1.5;
            double layers = ((Number) config.get("layers")).doubleValue() - 4;
            int act = ACTIVATIONS.indexOf(config.get("act"));
            boolean norm = (Boolean) config.get("norm");
            double dx = x - 1.2;
            return dx * dx * (1 + act) + 0.8 * lr * lr + 0.05 * layers * layers + ACTIVATION_COST[act]
                    + (norm ? 0 : 0.4);
        }

        @Override
        double evaluate(double[] x) {
            throw new UnsupportedOperationException("mixed5 takes a configuration");
        }
    },

    /**
     * Gramacy et al.'s constrained toy problem ("Modeling an Augmented Lagrangian for Blackbox Constrained
     * Optimization", Technometrics 2016, section 4.1): minimise x1 + x2 on [0, 1]² subject to
     * c1 = 3/2 − x1 − 2 x2 − ½ sin(2π (x1² − 2 x2)) ≤ 0 and c2 = x1² + x2² − 3/2 ≤ 0; constrained minimum 0.59979
     * at (0.1949, 0.4049) (a grid of step 2e-5 around the published 0.5998 at (0.1954, 0.4044)).
     */
    GRAMACY("gramacy", 0.59979) {
        @Override
        SearchSpace space() {
            return box(2, 0, 1);
        }

        @Override
        double evaluate(double[] x) {
            return x[0] + x[1];
        }

        @Override
        public List<OutcomeConstraint> constraints() {
            return List.of(new OutcomeConstraint("c1", null, 0.0), new OutcomeConstraint("c2", null, 0.0));
        }

        @Override
        Map<String, Double> metrics(double[] x) {
            double c1 = 1.5 - x[0] - 2 * x[1] - 0.5 * Math.sin(2 * Math.PI * (x[0] * x[0] - 2 * x[1]));
            return Map.of("c1", c1, "c2", x[0] * x[0] + x[1] * x[1] - 1.5);
        }
    };

    private final String id;
    private final double minimum;

    BenchmarkFunction(String id, double minimum) {
        this.id = id;
        this.minimum = minimum;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** The global minimum. */
    public double minimum() {
        return minimum;
    }

    abstract SearchSpace space();

    abstract double evaluate(double[] x);

    /** The value at a configuration of {@link #space()}. */
    public double evaluate(Map<String, Object> config) {
        return evaluate(point(config));
    }

    /** The outcome constraints a configuration must meet; none for an unconstrained function. */
    public List<OutcomeConstraint> constraints() {
        return List.of();
    }

    /** The constrained metrics at a configuration of {@link #space()}, by name; none for an unconstrained one. */
    public Map<String, Double> metrics(Map<String, Object> config) {
        return constraints().isEmpty() ? Map.of() : metrics(point(config));
    }

    Map<String, Double> metrics(double[] x) {
        return Map.of();
    }

    private double[] point(Map<String, Object> config) {
        List<Parameter> parameters = space().parameters();
        double[] x = new double[parameters.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((Number) config.get(parameters.get(i).name())).doubleValue();
        }
        return x;
    }

    /** The function with command-line name {@code id}. */
    public static BenchmarkFunction byId(String id) {
        for (BenchmarkFunction f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown function " + id + "; one of branin, hartmann6, ackley5, "
                + "rosenbrock4, mixed5, gramacy");
    }

    private static SearchSpace box(int d, double min, double max) {
        List<Parameter> parameters = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            parameters.add(new FloatParameter("x" + (j + 1), min, max));
        }
        return new SearchSpace(parameters);
    }
}
