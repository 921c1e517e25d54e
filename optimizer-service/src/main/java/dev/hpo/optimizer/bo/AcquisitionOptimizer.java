package dev.hpo.optimizer.bo;

import dev.hpo.optimizer.strategy.SeenConfigurations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Maximises an acquisition function over a search space in three steps, after BoTorch's
 * {@code optimize_acqf} with raw samples and {@code sample_around_best}:
 * <ol>
 *   <li>score candidates: scrambled Sobol points over the unit cube, plus perturbations of the best observed
 *   points (each coordinate moved with probability {@code min(1, 20/d)}, as in DYCORS, Regis and Shoemaker
 *   2013, so that high-dimensional neighbours differ in a few coordinates);</li>
 *   <li>climb from the best of them with {@link BoxLbfgs} on the continuous relaxation, using the analytic
 *   gradient of the {@link AcquisitionSurface} (for one GP {@code ∇a = (∂a/∂μ) ∇μ + (∂a/∂σ) ∇σ});</li>
 *   <li>decode the optima and the best raw candidates, re-encode each configuration (snapping integers, grids
 *   and choices) and score it again; the best configuration not yet seen wins.</li>
 * </ol>
 * The number of candidates and starts shrinks as the data grow, since each prediction costs O(n²).
 */
final class AcquisitionOptimizer {

    /** The winner, and its point in the unit cube (the encoding of the configuration). */
    record Choice(Map<String, Object> config, double[] point) {
    }

    private static final int MIN_CANDIDATES = 256;
    private static final int MAX_CANDIDATES = 2048;
    /**
     * Scoring a candidate costs about n²/2 multiply-adds (a triangular solve), so there are
     * {@code CANDIDATE_BUDGET / n²} candidates, within the bounds above: 2048 up to n = 70, 256 from n = 198.
     */
    private static final double CANDIDATE_BUDGET = 1e7;
    /** Up to this many observations a prediction is cheap and the local search gets its full effort. */
    private static final int SMALL_DATA = 100;
    private static final double LOCAL_FRACTION = 0.25;
    private static final double PERTURBATION_SD = 0.05;
    private static final int INCUMBENTS = 5;
    /** Decoded configurations scored after re-encoding. */
    private static final int FINALISTS = 32;

    private final SpaceEncoder encoder;

    AcquisitionOptimizer(SpaceEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The unseen configuration with the highest acquisition value found; empty when every candidate decodes to
     * a seen configuration (a nearly exhausted discrete space).
     *
     * @param incumbents the encoded observations, best first
     */
    Optional<Choice> maximise(AcquisitionSurface acquisition, List<double[]> incumbents, SeenConfigurations seen,
                              SplittableRandom random) {
        int d = encoder.dimensions();
        int n = acquisition.size();
        int count = (int) Math.max(MIN_CANDIDATES, Math.min(MAX_CANDIDATES, CANDIDATE_BUDGET / ((double) n * n)));
        double[][] candidates = candidates(count, incumbents, random);
        double[] scores = acquisition.score(candidates);
        Integer[] order = IntStream.range(0, candidates.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -scores[i])).toArray(Integer[]::new);

        List<double[]> pool = new ArrayList<>();
        int starts = n <= SMALL_DATA ? 5 : 2;
        BoxLbfgs climber = new BoxLbfgs(n <= SMALL_DATA ? 100 : 40, 1e-7, 1e-9);
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(upper, 1.0);
        for (int s = 0; s < Math.min(starts, order.length); s++) {
            pool.add(climber.minimise(negated(acquisition), candidates[order[s]], lower, upper).x());
        }
        for (Integer i : order) {
            pool.add(candidates[i]);
        }
        return best(acquisition, pool, seen);
    }

    private double[][] candidates(int count, List<double[]> incumbents, SplittableRandom random) {
        int d = encoder.dimensions();
        int local = incumbents.isEmpty() ? 0 : (int) (count * LOCAL_FRACTION);
        double[][] points = new double[count + local][];
        ScrambledSobol sobol = new ScrambledSobol(d, random);
        for (int i = 0; i < count; i++) {
            points[i] = sobol.next();
        }
        int top = Math.min(INCUMBENTS, incumbents.size());
        double probability = Math.min(1.0, 20.0 / d);
        for (int i = 0; i < local; i++) {
            double[] p = incumbents.get(random.nextInt(top)).clone();
            int forced = random.nextInt(d);
            for (int j = 0; j < d; j++) {
                if (j == forced || random.nextDouble() < probability) {
                    p[j] = Math.min(1.0, Math.max(0.0, p[j] + PERTURBATION_SD * StandardNormal.sample(random)));
                }
            }
            points[count + i] = p;
        }
        return points;
    }

    private static BoxLbfgs.Objective negated(AcquisitionSurface acquisition) {
        return (x, gradient) -> {
            double value = acquisition.valueAndGradient(x, gradient);
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] = -gradient[j];
            }
            return -value;
        };
    }

    /** Decodes points in order until {@value #FINALISTS} distinct unseen configurations, and takes the best. */
    private Optional<Choice> best(AcquisitionSurface acquisition, List<double[]> points, SeenConfigurations seen) {
        Map<Map<String, Object>, double[]> finalists = new LinkedHashMap<>();
        for (double[] p : points) {
            if (finalists.size() == FINALISTS) {
                break;
            }
            Map<String, Object> config = encoder.decode(p);
            if (!finalists.containsKey(config) && !seen.contains(config)) {
                finalists.put(config, encoder.encode(config));
            }
        }
        if (finalists.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<Map<String, Object>, double[]>> entries = new ArrayList<>(finalists.entrySet());
        double[] scores = acquisition.score(entries.stream().map(Map.Entry::getValue).toArray(double[][]::new));
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return Optional.of(new Choice(entries.get(best).getKey(), entries.get(best).getValue()));
    }
}
