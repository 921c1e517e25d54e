package dev.hpo.optimizer.bo;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.RandomStrategy;
import dev.hpo.optimizer.strategy.SeenConfigurations;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * GP-based Bayesian optimisation (Snoek, Larochelle and Adams, "Practical Bayesian Optimization of Machine
 * Learning Algorithms", NeurIPS 2012): a scrambled Sobol initial design, then a Gaussian process fitted to the
 * completed trials and the configuration that maximises the acquisition function.
 *
 * <p>Several suggestions at once, and trials still running, are handled with the kriging believer (Ginsbourger,
 * Le Riche and Carraro 2010): each pending or just-chosen point is added to the GP as if it had been observed at
 * its posterior mean, which removes its uncertainty and pushes the next choice elsewhere. Failed trials carry no
 * value and only count as seen.
 *
 * <p>Deterministic: a new instance with the same seed proposes the same configurations for the same history.
 * An instance reused across calls starts each hyperparameter fit from its previous one, which changes the fit
 * only within the optimiser's tolerance.
 */
public final class BayesianStrategy implements Strategy {

    private final SearchSpace space;
    private final StrategyConfig config;
    private final Kernel kernel;
    private final SpaceEncoder encoder;
    private final RandomStrategy fallback;
    private final HyperparameterFitter fitter;
    private final AcquisitionOptimizer optimizer;
    private final int initialPoints;
    private GpHyperparameters previousFit;
    private java.util.function.LongConsumer fitObserver = nanos -> { };

    public BayesianStrategy(SearchSpace space, StrategyConfig config) {
        this(space, config, new Matern52Kernel());
    }

    public BayesianStrategy(SearchSpace space, StrategyConfig config, Kernel kernel) {
        this.space = space;
        this.config = config;
        this.kernel = kernel;
        this.encoder = new SpaceEncoder(space);
        this.fallback = new RandomStrategy(space, config.seed());
        this.fitter = new HyperparameterFitter(kernel);
        this.optimizer = new AcquisitionOptimizer(encoder);
        this.initialPoints = config.initialPoints() != null ? config.initialPoints()
                : Math.max(1, 3 * encoder.dimensions());
    }

    /** Reports the duration of every surrogate fit, in nanoseconds (for the service's metrics). */
    public synchronized void onFit(java.util.function.LongConsumer observer) {
        this.fitObserver = observer;
    }

    /** The size of the initial design: the configured one, or three per encoded dimension. */
    public int initialPoints() {
        return initialPoints;
    }

    @Override
    public synchronized List<Map<String, Object>> suggest(StudyHistory history, int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (count <= 0) {
            return out;
        }
        SeenConfigurations seen = new SeenConfigurations(space, history);
        SplittableRandom random = seen.random(config.seed());
        // Prior observations (a warm start) stand for design points: with as many as initialPoints, none is drawn.
        int fromDesign = history.observations().isEmpty() ? count
                : Math.min(count, initialPoints - history.seen().size() - history.prior().size());
        addDesignPoints(Math.max(0, fromDesign), history.seen().size(), seen, out);
        // A space without parameters has one configuration, {}, and nothing to model.
        if (out.size() < count && !history.observations().isEmpty() && encoder.dimensions() > 0) {
            addModelPoints(history, count - out.size(), seen, random, out);
        }
        while (out.size() < count) {
            Optional<Map<String, Object>> next = fallback.sampleUnseen(seen, random);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
        }
        return out;
    }

    /**
     * Walks the study's fixed design sequence (seeded by the study seed alone) from its start, taking the points
     * not yet seen; earlier design points are in the history, so each call continues where the last one ended.
     */
    private void addDesignPoints(int wanted, int historySize, SeenConfigurations seen,
                                 List<Map<String, Object>> out) {
        ScrambledSobol design = new ScrambledSobol(encoder.dimensions(), new SplittableRandom(config.seed()));
        // Small discrete spaces repeat configurations along the sequence; give up after a generous walk.
        int limit = 16 * (historySize + wanted) + 64;
        int added = 0;
        for (int i = 0; i < limit && added < wanted; i++) {
            Map<String, Object> point = encoder.decode(design.next());
            if (seen.add(point)) {
                out.add(point);
                added++;
            }
        }
    }

    private void addModelPoints(StudyHistory history, int wanted, SeenConfigurations seen, SplittableRandom random,
                                List<Map<String, Object>> out) {
        List<Observation> observations = history.observations();
        double[][] x = observations.stream().map(o -> encoder.encode(o.params())).toArray(double[][]::new);
        TargetTransform transform = new TargetTransform(
                observations.stream().mapToDouble(Observation::value).toArray(), history.maximize());
        double[] y = transform.targets();
        long fitStart = System.nanoTime();
        previousFit = fitter.fit(x, y, previousFit, random);
        fitObserver.accept(System.nanoTime() - fitStart);
        // ξ is given in the objective's units (as in scikit-optimize); the acquisition works in target units.
        double xi = transform.improvement(config.xi());
        List<double[]> incumbents = IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -y[i])).map(i -> x[i]).toList();
        Belief belief = new Belief(GaussianProcess.fit(kernel, previousFit, x, y), transform.best());
        for (Map<String, Object> pending : history.pending()) {
            belief = belief.believe(encoder.encode(pending));
        }
        for (int k = 0; k < wanted; k++) {
            Optional<AcquisitionOptimizer.Choice> choice = optimizer.maximise(belief.gp(),
                    acquisition(belief.best(), xi), incumbents, seen, random);
            if (choice.isEmpty()) {
                return;
            }
            seen.add(choice.get().config());
            out.add(choice.get().config());
            belief = belief.believe(choice.get().point());
        }
    }

    /**
     * The GP with the pending and just-chosen points believed (the kriging believer): each joins the data with its
     * posterior mean as value, which leaves the mean unchanged and shrinks the variance around it; the incumbent
     * rises to the belief when that is higher, so the next choice has to promise more than the point already does.
     *
     * @param best the incumbent f*, in target units
     */
    private record Belief(GaussianProcess gp, double best) {

        Belief believe(double[] point) {
            double mean = gp.mean(point);
            return new Belief(gp.condition(point, mean), Math.max(best, mean));
        }
    }

    private Acquisition acquisition(double best, double xi) {
        return switch (config.acquisition()) {
            case EI -> new ExpectedImprovement(best, xi);
            case PI -> new ProbabilityOfImprovement(best, xi);
            case UCB -> new UpperConfidenceBound(config.kappa());
        };
    }
}
