package dev.hpo.optimizer.bench;

import dev.hpo.common.json.Json;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.api.StudyReport;
import dev.hpo.optimizer.api.StudyView;
import dev.hpo.optimizer.pareto.Hypervolume;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.pareto.ParetoFront;
import dev.hpo.optimizer.strategy.RandomStrategy;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Measures how long the report and the view of a large multi-objective study take to build and write as JSON, what
 * {@code GET /api/studies/{id}/report} and {@code GET /api/studies/{id}} spend apart from HTTP:
 * {@code [--trials 2000] [--objectives 3] [--repeats 9] [--seed 1] [--from-scratch]}. Prints the median, min and
 * max over the repeats, the size of the Pareto set and its hypervolume. {@code --from-scratch} also times, once,
 * the hypervolume curve computed as the report did before it was incremental: the front of every prefix of the
 * trials filtered and measured again.
 *
 * <p>The study's trials report objective vectors near the positive part of the unit sphere (a direction drawn
 * uniformly, the radius shrunk by up to 10 %), so that many of them are non-dominated: the Pareto set grows to a
 * few hundred, the costly case for the hypervolume curve, where points drawn uniformly in the cube leave a front of
 * a few dozen.
 */
public final class ReportBench {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ReportBench() {
    }

    public static void main(String[] args) {
        BenchArgs.main("ReportBench", args, ReportBench::bench);
    }

    private static void bench(String[] args) {
        BenchArgs options = new BenchArgs(args, Set.of("trials", "objectives", "repeats", "seed"),
                Set.of("from-scratch"));
        int trials = options.integer("trials", 2000);
        int objectives = options.integer("objectives", 3);
        int repeats = options.integer("repeats", 9);
        if (trials < 1 || objectives < 2 || objectives > StudySpec.MAX_OBJECTIVES || repeats < 1) {
            throw new IllegalArgumentException("needs --trials >= 1, --objectives in [2, " + StudySpec.MAX_OBJECTIVES
                    + "] and --repeats >= 1");
        }
        Study study = study(trials, objectives, options.integer("seed", 1));
        Instant now = T0.plusSeconds(trials + 1L);
        StudyReport report = StudyReport.of(study, now);
        System.out.printf(Locale.ROOT, "trials=%d objectives=%d: Pareto set %d, hypervolume %.6f%n", trials,
                objectives, report.paretoSet().size(), report.hypervolume());
        print("report", time(repeats, () -> Json.write(StudyReport.of(study, now))));
        print("study view", time(repeats, () -> Json.write(StudyView.of(study))));
        if (options.has("from-scratch")) {
            long start = System.nanoTime();
            List<Double> curve = fromScratch(study);
            double ms = (System.nanoTime() - start) / 1e6;
            double difference = IntStream.range(0, curve.size()).mapToDouble(i -> Math.abs(curve.get(i)
                    - report.hypervolumeSoFar().get(i).hypervolume())).max().orElse(0);
            System.out.printf(Locale.ROOT, "the curve from scratch, as before: %.1f ms (once); largest difference"
                    + " from the report's %.2e%n", ms, difference);
        }
    }

    /**
     * The milliseconds of each of {@code repeats} runs, after as many untimed ones (at most three) to compile the
     * hot paths.
     */
    private static double[] time(int repeats, Supplier<String> work) {
        for (int i = 0; i < Math.min(3, repeats); i++) {
            work.get();
        }
        return IntStream.range(0, repeats).mapToDouble(r -> {
            long start = System.nanoTime();
            work.get();
            return (System.nanoTime() - start) / 1e6;
        }).toArray();
    }

    private static void print(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%s: median %.1f ms (min %.1f, max %.1f; %d repeats)%n", what,
                OptimizerBench.median(ms), Arrays.stream(ms).min().orElseThrow(), Arrays.stream(ms).max().orElseThrow(),
                ms.length);
    }

    /**
     * The hypervolume after each completed trial the way the report computed it before: the front of the trials so
     * far filtered again, and measured again, for every trial.
     */
    private static List<Double> fromScratch(Study study) {
        Objectives objectives = new Objectives(study.spec().objectives(), study.spec().references());
        List<Optional<double[]>> vectors = study.completedInOrder().stream()
                .map(t -> objectives.orient(t.metrics())).toList();
        double[] reference = objectives.reference(vectors.stream().flatMap(Optional::stream).toList());
        List<double[]> front = new ArrayList<>();
        List<Double> curve = new ArrayList<>();
        for (Optional<double[]> v : vectors) {
            if (v.isPresent()) {
                front.add(v.get());
                List<double[]> so = List.copyOf(front);
                front = new ArrayList<>(ParetoFront.nonDominated(so).stream().map(so::get).toList());
            }
            curve.add(Hypervolume.of(front, reference));
        }
        return curve;
    }

    /** A random-search study of {@code trials} completed trials, one finishing per second. */
    private static Study study(int trials, int objectives, long seed) {
        List<String> metrics = IntStream.range(0, objectives).mapToObj(j -> "m" + j).toList();
        StringBuilder yaml = new StringBuilder("""
                name: report-bench
                strategy: {type: random, seed: 1}
                budget: {maxTrials: %d, parallelism: %d}
                searchSpace:
                  x: {type: float, min: 0, max: 1}
                objectives:
                """.formatted(trials, Math.min(trials, 1024)));
        metrics.forEach(m -> yaml.append("  - {metric: ").append(m).append(", direction: maximize}\n"));
        StudySpec spec = StudySpecParser.parse(yaml.toString());
        Study study = new Study("bench", spec, new RandomStrategy(spec.searchSpace(), seed), T0);
        SplittableRandom random = new SplittableRandom(seed);
        int finished = 0;
        while (finished < trials) {
            for (Trial t : study.issue(T0.plusSeconds(finished))) {
                finished++;
                study.apply(ResultMessage.of(study.id(), t.trialId(), 1, TrialStatus.COMPLETED,
                        nearSphere(metrics, random), 1, 10, "w", "cpu", null), T0.plusSeconds(finished));
            }
        }
        return study;
    }

    private static Map<String, Double> nearSphere(List<String> metrics, SplittableRandom random) {
        double[] v = new double[metrics.size()];
        double norm = 0;
        for (int j = 0; j < v.length; j++) {
            v[j] = Math.abs(random.nextGaussian());
            norm += v[j] * v[j];
        }
        double radius = (1 - 0.1 * random.nextDouble()) / Math.sqrt(norm);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < v.length; j++) {
            out.put(metrics.get(j), v[j] * radius);
        }
        return out;
    }
}
