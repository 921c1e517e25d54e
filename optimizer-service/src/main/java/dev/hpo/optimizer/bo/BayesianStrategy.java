package dev.hpo.optimizer.bo;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.OutcomeConstraint;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.RandomStrategy;
import dev.hpo.optimizer.strategy.SeenConfigurations;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;
import dev.hpo.optimizer.strategy.Suggestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * GP-based Bayesian optimisation (Snoek, Larochelle and Adams, "Practical Bayesian Optimization of Machine
 * Learning Algorithms", NeurIPS 2012): a scrambled Sobol initial design, then a Gaussian process fitted to the
 * completed trials and the configuration that maximises the acquisition function. The GP models warped values
 * ({@link TargetTransform}): Yeo-Johnson, or for a positive minimised objective Box-Cox where its evidence is
 * higher; its prior mean is the worst observation, so that far from the data it expects the worst value seen.
 *
 * <p>Every {@value #GREEDY_EVERY}th trial of a study, when the model chooses it, is greedy: it maximises the
 * posterior mean instead of the acquisition function. ε-greedy Bayesian optimisation (De Ath, Everson, Rahat and
 * Fieldsend, "Greed is Good: Exploration and Exploitation Trade-offs in Bayesian Optimisation", ACM TELO 2021)
 * draws that choice at random; here it is a fixed schedule, so that the same history gives the same suggestions.
 * EI with ξ &gt; 0 does not refine the incumbent much below ξ, since no point near it promises that much; the greedy
 * step goes where the model puts the optimum.
 *
 * <p>Several suggestions at once, and trials still running, are handled with the kriging believer (Ginsbourger,
 * Le Riche and Carraro 2010): each pending or just-chosen point is added to the GP as if it had been observed at
 * its posterior mean, which removes its uncertainty and pushes the next choice elsewhere. Failed trials carry no
 * value and only count as seen.
 *
 * <p>A study with outcome constraints gets one GP per constrained metric and maximises EI × P(all constraints
 * hold) over the best feasible observation (see {@code addConstrainedModelPoints}; it has no greedy step);
 * without constraints nothing of that runs, and the proposals are those of the plain strategy.
 *
 * <p>Deterministic: a new instance with the same seed proposes the same configurations for the same history.
 * An instance reused across calls starts each hyperparameter fit from its previous one, which changes the fit
 * only within the optimiser's tolerance.
 */
public final class BayesianStrategy implements Strategy {

    /** One trial in this many, when model-chosen, maximises the posterior mean. */
    static final int GREEDY_EVERY = 4;
    /** The greedy step's acquisition: UCB with κ = 0 is the posterior mean. */
    private static final Acquisition POSTERIOR_MEAN = new UpperConfidenceBound(0);

    private final SearchSpace space;
    private final StrategyConfig config;
    private final Kernel kernel;
    private final SpaceEncoder encoder;
    private final RandomStrategy fallback;
    private final HyperparameterFitter fitter;
    private final AcquisitionOptimizer optimizer;
    private final int initialPoints;
    /** The hyperparameters of the surrogate in use; those of each warp's last fit, each one's next start. */
    private GpHyperparameters currentFit;
    private GpHyperparameters previousYeoJohnsonFit;
    private GpHyperparameters previousBoxCoxFit;
    private GpHyperparameters[] previousConstraintFits;
    /** Whether the surrogate in use models Box-Cox targets, and the constraint GPs in use: what a kept fit reuses. */
    private boolean boxCoxInUse;
    private ConstraintSurrogates constraintModels;
    /** Hyperparameter fits so far, to tell whether a batch has fitted yet. */
    private int fits;
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
    public List<Map<String, Object>> suggest(StudyHistory history, int count) {
        return propose(history, count).stream().map(Suggestion::params).toList();
    }

    /** The suggestions, the greedy ones marked (the posterior mean's maximisers, every {@value #GREEDY_EVERY}th). */
    @Override
    public synchronized List<Suggestion> propose(StudyHistory history, int count) {
        return propose(history, count, false);
    }

    /**
     * Suggests up to {@code count} configurations one at a time, the k-th for {@code historyAfter} the k chosen
     * before it, fitting the surrogate's hyperparameters once for them all: the first suggestion that the model
     * chooses fits them, the later ones keep that fit (and the constraint GPs) and only warp their own targets and
     * condition the GP on them. For histories of the same observations that differ in their values and pending
     * trials (ParEGO's scalarisations of one batch), where a fit per suggestion would repeat the costly part.
     */
    synchronized List<Suggestion> suggestInTurn(int count,
                                                Function<List<Map<String, Object>>, StudyHistory> historyAfter) {
        List<Suggestion> out = new ArrayList<>();
        List<Map<String, Object>> chosen = new ArrayList<>();
        int fitsBefore = fits;
        for (int k = 0; k < count; k++) {
            List<Suggestion> next = propose(historyAfter.apply(List.copyOf(chosen)), 1, fits > fitsBefore);
            if (next.isEmpty()) {
                break;
            }
            out.addAll(next);
            next.forEach(n -> chosen.add(n.params()));
        }
        return out;
    }

    private List<Suggestion> propose(StudyHistory history, int count, boolean keepFit) {
        List<Suggestion> out = new ArrayList<>();
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
            addModelPoints(history, count - out.size(), seen, random, keepFit, out);
        }
        while (out.size() < count) {
            Optional<Map<String, Object>> next = fallback.sampleUnseen(seen, random);
            if (next.isEmpty()) {
                break;
            }
            out.add(Suggestion.of(next.get()));
        }
        return out;
    }

    /**
     * Walks the study's fixed design sequence (seeded by the study seed alone) from its start, taking the points
     * not yet seen; earlier design points are in the history, so each call continues where the last one ended.
     */
    private void addDesignPoints(int wanted, int historySize, SeenConfigurations seen, List<Suggestion> out) {
        ScrambledSobol design = new ScrambledSobol(encoder.dimensions(), new SplittableRandom(config.seed()));
        // Small discrete spaces repeat configurations along the sequence; give up after a generous walk.
        int limit = 16 * (historySize + wanted) + 64;
        int added = 0;
        for (int i = 0; i < limit && added < wanted; i++) {
            Map<String, Object> point = encoder.decode(design.next());
            if (seen.add(point)) {
                out.add(Suggestion.of(point));
                added++;
            }
        }
    }

    /** @param keepFit whether to keep the last fit's hyperparameters, fitted to these observations' configurations */
    private void addModelPoints(StudyHistory history, int wanted, SeenConfigurations seen, SplittableRandom random,
                                boolean keepFit, List<Suggestion> out) {
        List<Observation> observations = history.observations();
        double[][] x = observations.stream().map(o -> encoder.encode(o.params())).toArray(double[][]::new);
        double[] values = observations.stream().mapToDouble(Observation::value).toArray();
        TargetTransform transform;
        if (keepFit) {
            transform = boxCoxInUse && TargetTransform.boxCoxApplies(values, history.maximize())
                    ? new TargetTransform(values, false, TargetTransform.Warp.BOX_COX)
                    : new TargetTransform(values, history.maximize());
        } else {
            long fitStart = System.nanoTime();
            transform = fitSurrogate(x, values, history.maximize(), random);
            fits++;
            fitObserver.accept(System.nanoTime() - fitStart);
        }
        double[] y = transform.targets();
        if (!history.constraints().isEmpty()) {
            addConstrainedModelPoints(history, x, transform, wanted, seen, random, keepFit, out);
            return;
        }
        // ξ is given in the objective's units (as in scikit-optimize); the acquisition works in target units.
        double xi = transform.improvement(config.xi());
        List<double[]> incumbents = IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -y[i])).map(i -> x[i]).toList();
        Belief belief = new Belief(GaussianProcess.fit(kernel, currentFit, x, y), transform.best());
        for (Map<String, Object> pending : history.pending()) {
            belief = belief.believe(encoder.encode(pending));
        }
        for (int k = 0; k < wanted; k++) {
            boolean greedy = (history.seen().size() + k) % GREEDY_EVERY == GREEDY_EVERY - 1;
            Acquisition acquisition = greedy ? POSTERIOR_MEAN : acquisition(belief.best(), xi);
            Optional<AcquisitionOptimizer.Choice> choice = optimizer.maximise(
                    new GpAcquisition(belief.gp(), acquisition), incumbents, seen, random);
            if (choice.isEmpty()) {
                return;
            }
            seen.add(choice.get().config());
            out.add(new Suggestion(choice.get().config(), greedy));
            belief = belief.believe(choice.get().point());
        }
    }

    /**
     * Fits the GP hyperparameters ({@link #currentFit}) to the Yeo-Johnson targets of {@code values} and, where
     * the objective is minimised and positive, also to their Box-Cox targets, and keeps the warp whose GP explains
     * the values better ({@link HyperparameterFitter#logEvidence}: model choice by the evidence, the Jacobian
     * making the two comparable). The Box-Cox fit draws its restarts from its own stream, so that a study where it
     * does not apply gets the suggestions it would get without it.
     */
    private TargetTransform fitSurrogate(double[][] x, double[] values, boolean maximize, SplittableRandom random) {
        TargetTransform yeoJohnson = new TargetTransform(values, maximize);
        currentFit = fitter.fit(x, yeoJohnson.targets(), previousYeoJohnsonFit, random);
        previousYeoJohnsonFit = currentFit;
        boxCoxInUse = false;
        if (!TargetTransform.boxCoxApplies(values, maximize)) {
            return yeoJohnson;
        }
        TargetTransform boxCox = new TargetTransform(values, false, TargetTransform.Warp.BOX_COX);
        previousBoxCoxFit = fitter.fit(x, boxCox.targets(), previousBoxCoxFit,
                new SplittableRandom(config.seed() ^ (0x9E3779B97F4A7C15L * x.length)));
        if (fitter.logEvidence(x, boxCox, previousBoxCoxFit) > fitter.logEvidence(x, yeoJohnson, currentFit)) {
            currentFit = previousBoxCoxFit;
            boxCoxInUse = true;
            return boxCox;
        }
        return yeoJohnson;
    }

    /**
     * Constrained BO (Gardner et al., "Bayesian Optimization with Inequality Constraints", ICML 2014; Gelbart,
     * Snoek and Adams, "Bayesian Optimization with Unknown Constraints", UAI 2014): one GP per constrained metric
     * ({@link ConstraintSurrogates}) beside the objective's, and the configuration that maximises
     * <pre>
     *   a(x) = EI(x; f*) Π_c PoF_c(x)
     * </pre>
     * where f* is the best <em>feasible</em> observation and PoF_c the probability, under constraint c's GP, that c
     * holds at x (the constraints modelled as independent). Until an observation is feasible there is no f*, and
     * a(x) = Π_c PoF_c(x): find the feasible region first (Gelbart et al. 2014, section 3). PI takes the place
     * of EI when configured; UCB is no expectation or probability, so a product with PoF has no meaning and EI
     * stands in for it. Pending and chosen points are believed in every GP; a believed point whose constraint
     * means all hold becomes the incumbent when it is better. A kept fit keeps the constraint GPs as they are.
     */
    private void addConstrainedModelPoints(StudyHistory history, double[][] x, TargetTransform transform, int wanted,
                                           SeenConfigurations seen, SplittableRandom random, boolean keepFit,
                                           List<Suggestion> out) {
        List<Observation> observations = history.observations();
        if (!keepFit || constraintModels == null) {
            constraintModels = ConstraintSurrogates.fit(history.constraints(), observations, x, kernel, fitter,
                    previousConstraintFits, random);
            previousConstraintFits = constraintModels.hyperparameters();
        }
        ConstraintSurrogates constraints = constraintModels;
        double[] y = transform.targets();
        boolean[] feasible = new boolean[x.length];
        double best = Double.NaN;
        double bestValue = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            Map<String, Double> metrics = observations.get(i).metrics();
            feasible[i] = OutcomeConstraint.allHold(history.constraints(), metrics);
            if (feasible[i] && !(y[i] <= best)) {
                best = y[i];
                bestValue = observations.get(i).value();
            }
        }
        double xi = Double.isNaN(best) ? transform.improvement(config.xi())
                : transform.improvement(bestValue, config.xi());
        // Local candidates around the feasible observations first, best first, then the infeasible ones.
        List<double[]> incumbents = IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> !feasible[i]).thenComparingDouble(i -> -y[i]))
                .map(i -> x[i]).toList();
        ConstrainedBelief belief = new ConstrainedBelief(GaussianProcess.fit(kernel, currentFit, x, y),
                constraints, best);
        for (Map<String, Object> pending : history.pending()) {
            belief = belief.believe(encoder.encode(pending));
        }
        for (int k = 0; k < wanted; k++) {
            AcquisitionSurface surface = belief.surface(Double.isNaN(belief.best()) ? null
                    : constrainedAcquisition(belief.best(), xi), new GpAcquisition(belief.gp(),
                    constrainedAcquisition(transform.best(), xi)));
            Optional<AcquisitionOptimizer.Choice> choice = optimizer.maximise(surface, incumbents, seen, random);
            if (choice.isEmpty()) {
                return;
            }
            seen.add(choice.get().config());
            out.add(Suggestion.of(choice.get().config()));
            belief = belief.believe(choice.get().point());
        }
    }

    private Acquisition constrainedAcquisition(double best, double xi) {
        return config.acquisition() == StrategyConfig.AcquisitionType.PI ? new ProbabilityOfImprovement(best, xi)
                : new ExpectedImprovement(best, xi);
    }

    /**
     * The objective and constraint GPs with the pending and just-chosen points believed at their posterior means.
     *
     * @param best the best feasible target f* (observed or believed), or NaN while there is none
     */
    private record ConstrainedBelief(GaussianProcess gp, ConstraintSurrogates constraints, double best) {

        ConstrainedBelief believe(double[] point) {
            double mean = gp.mean(point);
            double next = constraints.holdsAt(point) && !(mean <= best) ? mean : best;
            return new ConstrainedBelief(gp.condition(point, mean), constraints.believe(point), next);
        }

        /**
         * {@code a(x) = objective(x) Π_c PoF_c(x)}, the objective factor left out while there is no feasible
         * incumbent ({@code objective} null); with neither (no constraint metric reported yet), the
         * {@code unconstrained} acquisition, since nothing is known about feasibility.
         */
        AcquisitionSurface surface(Acquisition objective, GpAcquisition unconstrained) {
            List<GpAcquisition> factors = new ArrayList<>();
            if (objective != null) {
                factors.add(new GpAcquisition(gp, objective));
            }
            factors.addAll(constraints.factors());
            return factors.isEmpty() ? unconstrained : new ProductAcquisition(factors);
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
