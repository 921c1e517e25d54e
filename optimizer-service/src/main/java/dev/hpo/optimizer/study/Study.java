package dev.hpo.optimizer.study;

import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.StudySpec;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.pareto.ParetoChoice;
import dev.hpo.optimizer.pareto.ParetoSummary;
import dev.hpo.optimizer.pruning.LearningCurve;
import dev.hpo.optimizer.pruning.StoppingRule;
import dev.hpo.optimizer.pruning.StoppingRules;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StudyHistory;
import dev.hpo.optimizer.strategy.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The state of one study and its rules: how many trials to issue, how results fold in (once per trial and
 * attempt), when it is finished, which trial is best. Plain Java and not thread-safe: callers hold its lock.
 */
public final class Study {

    private final String id;
    private final StudySpec spec;
    private final Strategy strategy;
    private final StoppingRule stopping;
    private final Instant createdAt;
    private final Map<String, Trial> trials = new LinkedHashMap<>();
    private List<Observation> prior = List.of();
    private Trial refit;
    private int nextNumber;
    private StudyStatus status = StudyStatus.RUNNING;
    private String endReason;
    private Instant endedAt;

    public Study(String id, StudySpec spec, Strategy strategy, Instant createdAt) {
        this.id = id;
        this.spec = spec;
        this.strategy = strategy;
        this.stopping = spec.earlyStopping() == null ? null : StoppingRules.of(spec.earlyStopping(), spec.objective());
        this.createdAt = createdAt;
    }

    /** The stable id of trial {@code number}: the same on every replay and redelivery. */
    public static String trialId(String studyId, int number) {
        return studyId + ".t" + number;
    }

    /** The id of the study's final refit trial. */
    public static String refitId(String studyId) {
        return studyId + ".refit";
    }

    /**
     * Asks the strategy for enough new trials to keep {@code parallelism} in flight without exceeding
     * {@code maxTrials}, records them as queued and returns them for publishing. Finishes the study when the
     * budget is spent or the strategy has nothing left (a finished grid) and nothing is in flight.
     */
    public List<Trial> issue(Instant now) {
        if (status.ended() || refit != null) {
            return List.of();
        }
        int inFlight = inFlight();
        int want = Math.min(spec.budget().parallelism() - inFlight, spec.budget().maxTrials() - trials.size());
        List<Trial> issued = new ArrayList<>();
        if (want > 0) {
            for (Suggestion suggestion : strategy.propose(history(), want)) {
                int number = nextNumber++;
                Trial t = new Trial(trialId(id, number), number, suggestion.params(), now, suggestion.greedy());
                trials.put(t.trialId(), t);
                issued.add(t);
            }
        }
        if (issued.isEmpty() && inFlight == 0) {
            String reason = trials.size() >= spec.budget().maxTrials()
                    ? "budget of " + spec.budget().maxTrials() + " trials spent" : "search space exhausted";
            Optional<Trial> best = spec.finalRefit() ? best() : Optional.empty();
            if (best.isPresent()) {
                refit = new Trial(refitId(id), nextNumber, refitParams(best.get()), now, false);
                endReason = reason;
                return List.of(refit);
            }
            end(StudyStatus.FINISHED, reason, now);
        }
        return issued;
    }

    /**
     * The best trial's configuration, trained for the epochs its early stopping kept ({@code best_epoch}),
     * since the refit has no validation split to stop on.
     */
    private Map<String, Object> refitParams(Trial best) {
        Map<String, Object> params = new LinkedHashMap<>(best.params());
        Double bestEpoch = best.metrics().get("best_epoch");
        if (params.containsKey("epochs") && bestEpoch != null && bestEpoch >= 1) {
            params.put("epochs", bestEpoch.longValue());
        }
        return params;
    }

    /**
     * Puts back a trial that was issued before a restart (read from its trial topic), unless it is known
     * already; trial numbers issued later continue after the highest one seen.
     */
    public void restoreTrial(String trialId, int number, Map<String, Object> params, Instant issuedAt) {
        if (trial(trialId).isPresent()) {
            return;
        }
        Trial t = new Trial(trialId, number, params, issuedAt, false);
        if (trialId.equals(refitId(id))) {
            refit = t;
        } else {
            trials.put(trialId, t);
            nextNumber = Math.max(nextNumber, number + 1);
        }
    }

    /** Puts back the end state recorded in the study log. */
    public void restoreEnd(StudyStatus to, String reason, Instant at) {
        end(to, reason, at);
    }

    /** Folds a result in; false when it is not for a trial of this study, or that trial already ended. */
    public boolean apply(ResultMessage result, Instant now) {
        Trial t = trial(result.trialId()).orElse(null);
        if (t == null || !t.state().inFlight()) {
            return false;
        }
        t.finish(result, now);
        if (t == refit) {
            end(StudyStatus.FINISHED, (endReason == null ? "search done" : endReason) + "; final refit "
                    + result.status().name().toLowerCase(), now);
        }
        return true;
    }

    /** The final refit trial, once issued. */
    public Optional<Trial> refit() {
        return Optional.ofNullable(refit);
    }

    /** A worker took the trial. */
    public boolean running(String trialId, String worker, int attempt, Instant now) {
        Trial t = trial(trialId).orElse(null);
        if (t == null || t.state() != TrialState.QUEUED) {
            return false;
        }
        t.running(worker, attempt, now);
        return true;
    }

    /** A worker finished an epoch of a trial; false for an unknown or ended trial. */
    public boolean epoch(String trialId, int epoch, Map<String, Double> metrics) {
        Trial t = trial(trialId).orElse(null);
        if (t == null || !t.state().inFlight()) {
            return false;
        }
        t.epoch(epoch, metrics);
        return true;
    }

    /**
     * Asks the study's early-stopping rule ({@code earlyStopping}) about a trial of the search that has just reported
     * an epoch, judged on its objective's curve against every other trial's. Returns why it should stop when the rule
     * says so, once per trial: a redelivered epoch, or a later one before the stop arrives, asks nothing more. Ended
     * trials and the final refit are never judged.
     *
     * <p>Curves live in memory only ({@code hpo.progress} is read from its latest offset, not replayed): after a
     * restart or a failover the rule judges on the epochs received since, which holds it back (fewer completed
     * curves than {@code minTrials}, and a running trial's curve is kept only from its first epoch on), never stops
     * an ended trial again (its epochs are ignored), and may at most repeat the stop of a trial still running, which
     * the trainer ignores as it stops that trial already. Whether a trial was chosen greedily ({@link Trial#greedy})
     * is known in memory only, so a greedy trial still running after a restart is judged like any other.
     */
    public Optional<String> prune(String trialId) {
        Trial t = trials.get(trialId);
        if (stopping == null || t == null || !t.state().inFlight() || t.stopRequested() != null) {
            return Optional.empty();
        }
        String metric = spec.objective().metric();
        List<LearningCurve> others = trials.values().stream().filter(o -> o != t && o.state() != TrialState.QUEUED)
                .map(o -> new LearningCurve(o.trialId(), o.state() == TrialState.COMPLETED, o.curve(metric)))
                .filter(c -> c.epochs() > 0).toList();
        Optional<String> reason = stopping.judge(new LearningCurve(trialId, false, t.curve(metric), t.greedy()),
                others);
        reason.ifPresent(t::requestStop);
        return reason;
    }

    /** Stops issuing trials; in-flight trials are left to finish or be stopped by the caller. */
    public boolean stop(String reason, Instant now) {
        if (status.ended()) {
            return false;
        }
        end(StudyStatus.STOPPED, reason, now);
        return true;
    }

    private void end(StudyStatus to, String reason, Instant now) {
        status = to;
        endReason = reason;
        endedAt = now;
    }

    /**
     * The history as the strategy sees it: completed values, pending and failed configurations, and the pruned
     * trials as completed ones with a pessimistic value.
     *
     * <p>A PRUNED trial was stopped by the study's rule for doing worse than its peers at the same epoch. Its last
     * reported objective is partial, so reading it as final could rank a poor configuration above complete ones;
     * leaving the trial out would let the surrogate propose its neighbourhood again as if nothing were known. It
     * enters the surrogate at the worse of its last reported objective and the worst completed trial's value, as
     * Optuna's TPE sampler ranks every pruned trial below every completed one (Akiba et al., "Optuna", KDD 2019;
     * {@code _split_trials} in {@code optuna/samplers/_tpe/sampler.py}). Before any trial completed there is no
     * such bound, and a pruned trial counts as failed (never proposed again, no value), as does one that reported no
     * objective. A multi-objective study keeps pruned trials out too: their other objectives are partial as well.
     */
    public StudyHistory history() {
        List<Observation> completed = new ArrayList<>();
        List<Trial> pruned = new ArrayList<>();
        List<Map<String, Object>> pending = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        String metric = spec.objective().metric();
        for (Trial t : trials.values()) {
            if (t.state().inFlight()) {
                pending.add(t.params());
            } else if (t.objective(metric).isPresent()) {
                completed.add(new Observation(t.params(), t.objective(metric).getAsDouble(), t.metrics()));
            } else if (t.state() == TrialState.PRUNED && isFinite(t.metrics().get(metric)) && !spec.multiObjective()) {
                pruned.add(t);
            } else {
                failed.add(t.params());
            }
        }
        boolean maximize = spec.objective().direction() == Direction.MAXIMIZE;
        OptionalDouble worst = completed.stream().mapToDouble(Observation::value)
                .reduce((a, b) -> maximize ? Math.min(a, b) : Math.max(a, b));
        for (Trial t : pruned) {
            if (worst.isEmpty()) {
                failed.add(t.params());
            } else {
                double last = t.metrics().get(metric);
                double value = maximize ? Math.min(last, worst.getAsDouble()) : Math.max(last, worst.getAsDouble());
                completed.add(new Observation(t.params(), value, t.metrics()));
            }
        }
        return new StudyHistory(completed, pending, failed, maximize,
                prior, spec.multiObjective() ? spec.objectives() : List.of(), spec.constraints());
    }

    private static boolean isFinite(Double v) {
        return v != null && Double.isFinite(v);
    }

    /** Seeds the surrogate with earlier studies' observations ({@code warmStartFrom}); before the first issue. */
    void warmStart(List<Observation> observations) {
        prior = List.copyOf(observations);
    }

    /** How many earlier observations seed this study's surrogate. */
    public int warmStartObservations() {
        return prior.size();
    }

    /**
     * The best trial, which the final refit trains. With one objective, the completed feasible trial (see
     * {@link #feasible}) with the best objective; ties go to the earlier trial. With several, the member of the
     * Pareto set ({@link #pareto}) that {@link #choose} picks. Empty while no trial qualifies.
     */
    public Optional<Trial> best() {
        if (spec.multiObjective()) {
            return pareto().flatMap(this::choose).map(ParetoChoice::member);
        }
        String metric = spec.objective().metric();
        Comparator<Trial> byValue = Comparator.comparingDouble(t -> t.objective(metric).getAsDouble());
        if (spec.objective().direction() == Direction.MINIMIZE) {
            byValue = byValue.reversed();
        }
        return trials.values().stream().filter(t -> t.objective(metric).isPresent() && spec.feasible(t.metrics()))
                .max(byValue.thenComparing(Comparator.comparingInt(Trial::number).reversed()));
    }

    /**
     * A multi-objective study's Pareto summary of its completed feasible trials (those within every constraint),
     * in the order they finished (trial number breaking ties); empty for a study of one objective.
     */
    public Optional<ParetoSummary<Trial>> pareto() {
        if (!spec.multiObjective()) {
            return Optional.empty();
        }
        return Optional.of(ParetoSummary.of(new Objectives(spec.objectives(), spec.references()),
                completedInOrder(), Trial::metrics, t -> spec.feasible(t.metrics())));
    }

    /** Completed trials of the search in the order they finished (trial number breaking ties). */
    public List<Trial> completedInOrder() {
        return trials.values().stream().filter(t -> t.state() == TrialState.COMPLETED)
                .sorted(Comparator.comparing(Trial::finishedAt).thenComparingInt(Trial::number)).toList();
    }

    /**
     * The member of this study's Pareto set that is its best trial: the one with the best {@code finalRefit.select}
     * metric when the spec names one, else the one nearest to the ideal point ({@link ParetoChoice}).
     */
    public Optional<ParetoChoice<Trial>> choose(ParetoSummary<Trial> pareto) {
        return pareto.choose(spec.refitSelect());
    }

    /**
     * Whether a completed trial respects every outcome constraint ({@link StudySpec#feasible}; a metric it did not
     * report violates its constraint); null when the study has no constraints, the trial has not completed or is
     * the final refit (whose metrics come from another split).
     */
    public Boolean feasible(Trial trial) {
        if (spec.constraints().isEmpty() || trial.state() != TrialState.COMPLETED || trial == refit) {
            return null;
        }
        return spec.feasible(trial.metrics());
    }

    /** Completed trials that respect every constraint (all completed trials when there are none). */
    public long feasibleCount() {
        return trials.values().stream()
                .filter(t -> t.state() == TrialState.COMPLETED && spec.feasible(t.metrics())).count();
    }

    /** Trials published and not ended, the final refit included. */
    public int inFlight() {
        int refitting = refit != null && refit.state().inFlight() ? 1 : 0;
        return refitting + (int) trials.values().stream().filter(t -> t.state().inFlight()).count();
    }

    public long count(TrialState state) {
        return trials.values().stream().filter(t -> t.state() == state).count();
    }

    public String id() {
        return id;
    }

    public StudySpec spec() {
        return spec;
    }

    public Strategy strategy() {
        return strategy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public StudyStatus status() {
        return status;
    }

    public String endReason() {
        return endReason;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Collection<Trial> trials() {
        return trials.values();
    }

    /** A trial of the search, or the final refit. */
    public Optional<Trial> trial(String trialId) {
        Trial t = trials.get(trialId);
        return t != null || refit == null || !refit.trialId().equals(trialId) ? Optional.ofNullable(t)
                : Optional.of(refit);
    }
}
