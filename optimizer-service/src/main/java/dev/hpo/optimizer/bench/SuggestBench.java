package dev.hpo.optimizer.bench;

import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.bo.BayesianStrategy;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Measures the latency of one Bayesian-optimisation suggestion (hyperparameter refit and acquisition optimisation)
 * after n observations in d dimensions: {@code --n 50,100,200,500,1000 --dims 10 [--repeats R] [--positive]
 * [--json]}.
 *
 * <p>Each repeat builds a strategy, lets it suggest once with n − 1 observations (so the refit starts from the
 * previous fit, as in a running study), then times the suggestion with n observations; the median wall-clock
 * time over the repeats is printed (with the CPU time beside it), or one JSON line per n with {@code --json}. The
 * observations are random points of the Styblinski-Tang function on [−5, 5]^d; with {@code --positive} shifted
 * by 40 d so that every value is positive, which makes the strategy fit the Box-Cox warp beside the Yeo-Johnson one
 * (see {@code TargetTransform}), the slowest case.
 */
public final class SuggestBench {

    private SuggestBench() {
    }

    public static void main(String[] args) {
        BenchArgs.main("SuggestBench", args, SuggestBench::bench);
    }

    private static void bench(String[] args) {
        BenchArgs options = new BenchArgs(args, Set.of("n", "dims", "repeats"), Set.of("json", "positive"));
        int[] sizes;
        try {
            sizes = Arrays.stream(options.get("n", "50,100,200,500,1000").split(",")).mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --n needs comma-separated integers, got "
                    + options.get("n", ""), e);
        }
        if (Arrays.stream(sizes).anyMatch(n -> n < 2)) {
            throw new IllegalArgumentException("option --n needs sizes of at least 2, got " + Arrays.toString(sizes));
        }
        int dims = options.integer("dims", 10);
        int repeats = options.integer("repeats", 5);
        boolean json = options.has("json");
        double shift = options.has("positive") ? 40.0 * dims : 0;
        SearchSpace space = box(dims);
        // Compile the hot paths before anything is timed.
        measure(space, 60, 0, shift);
        for (int n : sizes) {
            double[][] times = IntStream.range(0, repeats).mapToObj(r -> measure(space, n, r + 1, shift))
                    .toArray(double[][]::new);
            double[] wall = Arrays.stream(times).mapToDouble(t -> t[0]).toArray();
            double median = OptimizerBench.median(wall);
            if (json) {
                System.out.printf(Locale.ROOT, "{\"n\": %d, \"dims\": %d, \"median_ms\": %.1f}%n", n, dims, median);
            } else {
                System.out.printf(Locale.ROOT, "n=%5d dims=%d median %.1f ms (min %.1f, max %.1f; CPU median %.1f ms;"
                        + " %d repeats)%n", n, dims, median, Arrays.stream(wall).min().orElseThrow(),
                        Arrays.stream(wall).max().orElseThrow(),
                        OptimizerBench.median(Arrays.stream(times).mapToDouble(t -> t[1]).toArray()), repeats);
            }
        }
    }

    /**
     * Wall-clock and CPU milliseconds of the suggestion with n observations, after one with n − 1; the CPU time
     * (the suggestion runs on one thread) shows the cost apart from other processes on a busy machine.
     */
    private static double[] measure(SearchSpace space, int n, long seed, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> config = new LinkedHashMap<>();
            double[] x = new double[space.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = -5 + 10 * random.nextDouble();
                config.put(space.parameters().get(j).name(), x[j]);
            }
            observations.add(new Observation(config, styblinskiTang(x) + shift));
        }
        BayesianStrategy strategy = new BayesianStrategy(space,
                new StrategyConfig(StrategyConfig.Type.BAYESIAN, null, null, null, 1, seed));
        strategy.suggest(new StudyHistory(observations.subList(0, n - 1), List.of(), List.of(), false), 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        strategy.suggest(new StudyHistory(observations, List.of(), List.of(), false), 1);
        return new double[]{(System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6};
    }

    /** {@code ½ Σ (x⁴ − 16x² + 5x)}, minimum −39.166 d at x_i = −2.9035. */
    private static double styblinskiTang(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v * v * v - 16 * v * v + 5 * v;
        }
        return s / 2;
    }

    private static SearchSpace box(int d) {
        List<Parameter> parameters = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            parameters.add(new FloatParameter("x" + j, -5, 5));
        }
        return new SearchSpace(parameters);
    }
}
