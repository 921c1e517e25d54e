package dev.hpo.optimizer.bench;

import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.OutcomeConstraint;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.Strategies;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Runs strategies on test functions and writes the simple regret after every evaluation:
 * {@code --function F[,F...] --strategy S[,S...] [--acquisition ei|pi|ucb] [--xi X] [--kappa K]
 * [--initial-points M] --budget N --seeds K [--parallelism P] --out FILE.csv}, CSV columns
 * {@code function,strategy,seed,eval,best_regret}; then prints the median final regret per function and strategy.
 * For a constrained function ({@code gramacy}) the regret is that of the best feasible evaluation (Infinity before
 * the first), and the strategies see the constraints and the constrained metrics as a study shows them.
 *
 * <p>With parallelism P, P trials are in flight: whenever the oldest finishes, the strategy is asked for one more
 * with the other P − 1 pending, as a study with P trainers does. Grid search over a continuous function uses a grid
 * of {@code ⌊N^(1/d)⌋} levels per dimension (log-spaced values for a log float), so the whole grid fits the budget.
 */
public final class OptimizerBench {

    private OptimizerBench() {
    }

    public static void main(String[] args) {
        BenchArgs.main("OptimizerBench", args, OptimizerBench::bench);
    }

    private static void bench(String[] args) throws IOException {
        BenchArgs options = new BenchArgs(args,
                Set.of("function", "strategy", "acquisition", "xi", "kappa", "initial-points", "budget", "seeds",
                        "parallelism", "out"), Set.of());
        List<BenchmarkFunction> functions = Arrays.stream(options.required("function").split(","))
                .map(BenchmarkFunction::byId).toList();
        List<StrategyConfig.Type> strategies = Arrays.stream(options.required("strategy").split(","))
                .map(s -> named(StrategyConfig.Type.class, s)).toList();
        StrategyConfig.AcquisitionType acquisition =
                named(StrategyConfig.AcquisitionType.class, options.get("acquisition", "ei"));
        Double xi = options.has("xi") ? Double.valueOf(options.required("xi")) : null;
        Double kappa = options.has("kappa") ? Double.valueOf(options.required("kappa")) : null;
        Integer initialPoints = options.has("initial-points") ? options.integer("initial-points", 0) : null;
        int budget = options.integer("budget", 50);
        int seeds = options.integer("seeds", 10);
        int parallelism = options.integer("parallelism", 1);
        Path out = Path.of(options.required("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("function,strategy,seed,eval,best_regret");
            for (BenchmarkFunction f : functions) {
                for (StrategyConfig.Type type : strategies) {
                    double[] finals = new double[seeds];
                    for (int seed = 0; seed < seeds; seed++) {
                        StrategyConfig config = new StrategyConfig(type, acquisition, xi, kappa, initialPoints, seed);
                        double[] regret = run(f, config, budget, parallelism);
                        for (int e = 0; e < regret.length; e++) {
                            csv.printf(Locale.ROOT, "%s,%s,%d,%d,%.6g%n", f.id(), name(type), seed, e + 1, regret[e]);
                        }
                        finals[seed] = regret[regret.length - 1];
                    }
                    System.out.printf(Locale.ROOT, "%-12s %-9s budget %d parallelism %d: median final regret %.4g"
                            + " (seeds %d)%n", f.id(), name(type), budget, parallelism, median(finals), seeds);
                }
            }
        }
    }

    /** The best-so-far regret after each evaluation: of feasible evaluations only, infinite before the first. */
    static double[] run(BenchmarkFunction f, StrategyConfig config, int budget, int parallelism) {
        SearchSpace space = config.type() == StrategyConfig.Type.GRID ? gridSpace(f.space(), budget) : f.space();
        Strategy strategy = Strategies.create(config, space);
        List<Observation> completed = new ArrayList<>();
        Deque<Map<String, Object>> inFlight = new ArrayDeque<>();
        double[] regret = new double[budget];
        double best = Double.POSITIVE_INFINITY;
        int evaluated = 0;
        while (evaluated < budget) {
            int wanted = Math.min(parallelism - inFlight.size(), budget - evaluated - inFlight.size());
            if (wanted > 0) {
                inFlight.addAll(strategy.suggest(new StudyHistory(completed, List.copyOf(inFlight), List.of(), false,
                        List.of(), List.of(), f.constraints()), wanted));
            }
            if (inFlight.isEmpty()) {
                break;
            }
            Map<String, Object> finished = inFlight.removeFirst();
            double value = f.evaluate(finished);
            Map<String, Double> metrics = f.metrics(finished);
            completed.add(new Observation(finished, value, metrics));
            if (OutcomeConstraint.allHold(f.constraints(), metrics)) {
                best = Math.min(best, value);
            }
            regret[evaluated++] = best - f.minimum();
        }
        // A grid smaller than the budget keeps its final regret.
        for (int e = Math.max(1, evaluated); e < budget; e++) {
            regret[e] = regret[e - 1];
        }
        return regret;
    }

    /** The space with every continuous float replaced by a grid of ⌊budget^(1/d)⌋ levels. */
    static SearchSpace gridSpace(SearchSpace space, int budget) {
        int levels = Math.max(2, (int) Math.floor(Math.pow(budget, 1.0 / space.size()) + 1e-9));
        List<Parameter> gridded = new ArrayList<>();
        for (Parameter p : space.parameters()) {
            if (p instanceof FloatParameter f && f.step().isEmpty() && f.log()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < levels; i++) {
                    values.add(f.min() * Math.pow(f.max() / f.min(), i / (levels - 1.0)));
                }
                gridded.add(new ChoiceParameter(f.name(), values, f.when()));
            } else if (p instanceof FloatParameter f && f.step().isEmpty()) {
                gridded.add(new FloatParameter(f.name(), f.min(), f.max(),
                        OptionalDouble.of((f.max() - f.min()) / (levels - 1)), false, f.when()));
            } else {
                gridded.add(p);
            }
        }
        return new SearchSpace(gridded);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + name + "; one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), e);
        }
    }

    private static String name(StrategyConfig.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
