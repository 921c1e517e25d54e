package dev.hpo.optimizer.bench;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.OutcomeConstraint;

import java.util.ArrayList;
import java.util.Arrays;
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
    BRANIN("branin", 0.397887357729738, new double[]{-5, 10}, new double[]{0, 15}) {
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
    HARTMANN6("hartmann6", -3.32236801141551, cube(6, 0, 1)) {
        private static final double[][] A = {
                {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
                {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
                {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        double evaluate(double[] x) {
            return hartmann(A, P, x);
        }
    },

    /** Ackley 5-D on [−32.768, 32.768]⁵ (a = 20, b = 0.2, c = 2π); minimum 0 at the origin. */
    ACKLEY5("ackley5", 0, cube(5, -32.768, 32.768)) {
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
    ROSENBROCK4("rosenbrock4", 0, cube(4, -5, 10)) {
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
     * Goldstein-Price on [−2, 2]²; minimum 3 at (0, −1). Values span five orders of magnitude over the box
     * (up to about 1e6), a test of the target transform.
     */
    GOLDSTEIN_PRICE("goldstein-price", 3, cube(2, -2, 2)) {
        @Override
        double evaluate(double[] x) {
            double a = x[0] + x[1] + 1;
            double b = 2 * x[0] - 3 * x[1];
            double first = 1 + a * a * (19 - 14 * x[0] + 3 * x[0] * x[0] - 14 * x[1] + 6 * x[0] * x[1]
                    + 3 * x[1] * x[1]);
            double second = 30 + b * b * (18 - 32 * x[0] + 12 * x[0] * x[0] + 48 * x[1] - 36 * x[0] * x[1]
                    + 27 * x[1] * x[1]);
            return first * second;
        }
    },

    /** Six-hump camel on [−3, 3] × [−2, 2]; minimum −1.0316285 at (±0.0898, ∓0.7127), four more local minima. */
    SIX_HUMP_CAMEL("six-hump-camel", -1.0316284534898774, new double[]{-3, 3}, new double[]{-2, 2}) {
        @Override
        double evaluate(double[] x) {
            double x1 = x[0] * x[0];
            double x2 = x[1] * x[1];
            return (4 - 2.1 * x1 + x1 * x1 / 3) * x1 + x[0] * x[1] + (-4 + 4 * x2) * x2;
        }
    },

    /** Hartmann 3-D on [0, 1]³; minimum −3.86278 at (0.114589, 0.555649, 0.852547). */
    HARTMANN3("hartmann3", -3.862779787332663, cube(3, 0, 1)) {
        private static final double[][] A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
        private static final double[][] P = {
                {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470},
                {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};

        @Override
        double evaluate(double[] x) {
            return hartmann(A, P, x);
        }
    },

    /**
     * Shekel on [0, 10]⁴ with m = 10 wells; minimum −10.536443 near (4, 4, 4, 4). Narrow wells on a flat plain,
     * nine of them local minima.
     */
    SHEKEL("shekel", -10.53644315348353, cube(4, 0, 10)) {
        private static final double[] BETA = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};
        private static final double[][] C = {
                {4, 1, 8, 6, 3, 2, 5, 8, 6, 7}, {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6},
                {4, 1, 8, 6, 3, 2, 5, 8, 6, 7}, {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6}};

        @Override
        double evaluate(double[] x) {
            double sum = 0;
            for (int i = 0; i < BETA.length; i++) {
                double distance = BETA[i];
                for (int j = 0; j < 4; j++) {
                    distance += (x[j] - C[j][i]) * (x[j] - C[j][i]);
                }
                sum += 1 / distance;
            }
            return -sum;
        }
    },

    /** Levy 10-D on [−10, 10]¹⁰; minimum 0 at (1, ..., 1), many local minima. */
    LEVY10("levy10", 0, cube(10, -10, 10)) {
        @Override
        double evaluate(double[] x) {
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = 1 + (x[i] - 1) / 4;
            }
            double sum = Math.pow(Math.sin(Math.PI * w[0]), 2);
            for (int i = 0; i < d - 1; i++) {
                sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
            }
            return sum + (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
        }
    },

    /** Styblinski-Tang 8-D on [−5, 5]⁸; minimum −39.16617 × 8 at (−2.903534, ...), 2⁸ − 1 local minima. */
    STYBLINSKI_TANG8("styblinski-tang8", -39.16616570377142 * 8, cube(8, -5, 5)) {
        @Override
        double evaluate(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
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
        public SearchSpace space() {
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
    GRAMACY("gramacy", 0.59979, cube(2, 0, 1)) {
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
    private final double[][] ranges;

    /** @param ranges {min, max} of each float parameter x1, x2, ...; none for a function with its own space */
    BenchmarkFunction(String id, double minimum, double[]... ranges) {
        this.id = id;
        this.minimum = minimum;
        this.ranges = ranges;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** The global minimum. */
    public double minimum() {
        return minimum;
    }

    /** The box of the ranges: float parameters x1, x2, ... */
    public SearchSpace space() {
        List<Parameter> parameters = new ArrayList<>();
        for (int j = 0; j < ranges.length; j++) {
            parameters.add(new FloatParameter("x" + (j + 1), ranges[j][0], ranges[j][1]));
        }
        return new SearchSpace(parameters);
    }

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
        throw new IllegalArgumentException("unknown function " + id + "; one of " + String.join(", ",
                Arrays.stream(values()).map(BenchmarkFunction::id).toList()));
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};

    /** The Hartmann family: {@code −Σ_i α_i exp(−Σ_j A_ij (x_j − P_ij)²)} over four wells. */
    private static double hartmann(double[][] a, double[][] p, double[] x) {
        double sum = 0;
        for (int i = 0; i < HARTMANN_ALPHA.length; i++) {
            double inner = 0;
            for (int j = 0; j < x.length; j++) {
                inner += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /** The range {min, max} for each of d dimensions. */
    private static double[][] cube(int d, double min, double max) {
        double[][] ranges = new double[d][];
        Arrays.fill(ranges, new double[]{min, max});
        return ranges;
    }
}
