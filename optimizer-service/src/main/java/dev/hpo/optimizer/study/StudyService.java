package dev.hpo.optimizer.study;

import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ProgressState;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.StudyEvent;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecJson;
import dev.hpo.optimizer.messaging.ControlPublisher;
import dev.hpo.optimizer.messaging.StudyEventPublisher;
import dev.hpo.optimizer.metrics.StudyMetrics;
import dev.hpo.optimizer.messaging.TrialPublisher;
import dev.hpo.common.study.FieldError;
import dev.hpo.common.study.InvalidSpecException;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.common.study.StrategySpec;
import dev.hpo.optimizer.bo.BayesianStrategy;
import dev.hpo.optimizer.bo.ParEgoStrategy;
import dev.hpo.optimizer.recovery.StudyOwnership;
import dev.hpo.optimizer.strategy.Strategies;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the studies: creates them, keeps their trials in flight, folds results in and ends them. Each study is
 * guarded by its own lock; messages are published after the lock is released.
 */
@ApplicationScoped
public class StudyService {

    private static final Logger LOG = Logger.getLogger(StudyService.class);

    /** How long a result waits for the recovery at start-up before it is processed anyway. */
    private static final long RECOVERY_WAIT_SECONDS = 300;

    private final Map<String, Study> studies = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch recovered = new java.util.concurrent.CountDownLatch(1);
    private final Clock clock = Clock.systemUTC();

    @Inject
    TrialPublisher trialPublisher;

    @Inject
    StudyEventPublisher eventPublisher;

    @Inject
    ControlPublisher controlPublisher;

    @Inject
    StudyMetrics metrics;

    @Inject
    StudyUpdates updates;

    @Inject
    StudyOwnership ownership;

    @jakarta.annotation.PostConstruct
    void bindMetrics() {
        metrics.bind(studies::values);
    }

    /**
     * Puts back a study from its log: its last event (spec, creation time, end state), the trials issued for
     * it and the results received, in their order. A study still running then issues what it lacks.
     */
    public void restore(StudyEvent event, StudySpec spec, List<TrialMessage> issued, List<TimedResult> results) {
        Study study = new Study(event.studyId(), spec, observed(strategyFor(spec)), event.createdAt());
        // The studies it names were created before it, so the replay has restored them already.
        WarmStart warm = warmStart(spec);
        warm.problems().forEach(p -> LOG.warnf("study %s: %s", event.studyId(), p.message()));
        study.warmStart(warm.observations());
        synchronized (study) {
            issued.stream().sorted(Comparator.comparingInt(TrialMessage::number))
                    .forEach(t -> study.restoreTrial(t.trialId(), t.number(), t.params(), t.issuedAt()));
            results.forEach(r -> study.apply(r.result(), r.at()));
            if (event.type() != StudyEvent.Type.CREATED) {
                study.restoreEnd(event.type() == StudyEvent.Type.STOPPED ? StudyStatus.STOPPED : StudyStatus.FINISHED,
                        event.reason(), event.at());
            }
        }
        studies.put(study.id(), study);
        metrics.studyCreated(study);
        if (!study.status().ended()) {
            advance(study);
        }
    }

    /** A result as read back from its topic, with the time the broker stored it. */
    public record TimedResult(ResultMessage result, Instant at) {
    }

    /**
     * Forgets the studies whose ids {@code released} picks (their partitions went to another replica), once every
     * trial issued for them is in Kafka, so that the replica taking them over reads those in its replay.
     */
    public void release(java.util.function.Predicate<String> released) {
        List<Study> gone = studies.values().stream().filter(s -> released.test(s.id())).toList();
        gone.forEach(s -> {
            studies.remove(s.id());
            metrics.studyReleased(s);
        });
        if (!trialPublisher.awaitSent(java.time.Duration.ofSeconds(30))) {
            LOG.warn("trials of released studies were still unacknowledged after 30 s");
        }
        LOG.infof("released %d studies to another replica", gone.size());
    }

    /** The recovery at start-up is over: results may be folded in. */
    public void ready() {
        recovered.countDown();
    }

    /** Whether the recovery at start-up is over (the replica is ready to serve). */
    public boolean recovered() {
        return recovered.getCount() == 0;
    }

    private void awaitRecovery() {
        try {
            if (!recovered.await(RECOVERY_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("the recovery at start-up is still running; processing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates and starts a study; the spec is already validated. */
    public <T> T create(StudySpec spec, Function<Study, T> view) {
        awaitRecovery();
        String id = ownedId(spec.name());
        return ownership.whileHeld(id, () -> createOwned(id, spec, view))
                .orElseThrow(() -> new NotOwnedException(ownership.replica() + " was just asked to hand the partition "
                        + "of the new study on"));
    }

    /**
     * A new study id in a partition this replica owns, so that the study is driven where it was created: ids are
     * random, and each try lands in an owned partition with probability owned / all.
     */
    private String ownedId(String name) {
        if (ownership.ownedPartitions().isEmpty()) {
            throw new NotOwnedException("replica " + ownership.replica() + " owns no partition of hpo.studies yet ("
                    + StudyOwnership.GROUP + " is assigning them)");
        }
        for (int i = 0; i < 10_000; i++) {
            String id = StudyIds.next(name);
            if (ownership.owns(id)) {
                return id;
            }
        }
        throw new NotOwnedException("replica " + ownership.replica() + " found no study id in its partitions");
    }

    private <T> T createOwned(String id, StudySpec spec, Function<Study, T> view) {
        WarmStart warm = warmStart(spec);
        if (!warm.problems().isEmpty()) {
            throw new InvalidSpecException(warm.problems());
        }
        Study study = new Study(id, spec, observed(strategyFor(spec)), clock.instant());
        study.warmStart(warm.observations());
        studies.put(id, study);
        metrics.studyCreated(study);
        eventPublisher.publishAndWait(StudyEvent.created(id, StudySpecJson.write(spec), study.createdAt()));
        LOG.infof("study %s (%s) created: %s, %d trials, parallelism %d", id, spec.name(),
                spec.strategy().type(), spec.budget().maxTrials(), spec.budget().parallelism());
        advance(study);
        return read(id, view);
    }

    /** Folds a worker's result into its study and issues the next trials. */
    public void onResult(ResultMessage result) {
        awaitRecovery();
        applyResult(result);
    }

    /** Folds in a result of a study owned here; holds it back while its partition recovers; skips others'. */
    private void applyResult(ResultMessage result) {
        if (!ownership.admit(result.studyId(), () -> applyResult(result))) {
            return;
        }
        Study study = find(result.studyId());
        boolean applied;
        synchronized (study) {
            applied = study.apply(result, clock.instant());
        }
        if (applied) {
            metrics.trialEnded(study, TrialState.of(result.status()));
            updates.publish("trial-ended", study.id(), result.trialId(), Map.of("status", result.status().name(),
                    "metrics", result.metrics()));
            LOG.infof("study %s: trial %s %s %s", study.id(), result.trialId(), result.status(), result.metrics());
            advance(study);
        } else {
            LOG.debugf("study %s: ignored result of %s attempt %d (duplicate or unknown trial)", study.id(),
                    result.trialId(), result.attempt());
        }
    }

    /** Records that a worker took a trial or trained an epoch; progress of unknown studies is ignored. */
    public void onProgress(ProgressMessage progress) {
        awaitRecovery();
        applyProgress(progress);
    }

    private void applyProgress(ProgressMessage progress) {
        if (!ownership.admit(progress.studyId(), () -> applyProgress(progress))) {
            return;
        }
        Study study = studies.get(progress.studyId());
        if (study == null) {
            return;
        }
        Map<String, Double> epochMetrics = progress.metrics() == null ? Map.of() : progress.metrics();
        boolean changed;
        Optional<String> prune = Optional.empty();
        synchronized (study) {
            changed = progress.state() == ProgressState.RUNNING
                    ? study.running(progress.trialId(), progress.worker(), progress.attempt(), progress.at())
                    : study.epoch(progress.trialId(), progress.epoch(), epochMetrics);
            if (changed && progress.state() == ProgressState.EPOCH) {
                prune = study.prune(progress.trialId());
            }
        }
        prune.ifPresent(reason -> prune(study, progress.trialId(), reason));
        if (changed) {
            updates.publish(progress.state() == ProgressState.RUNNING ? "trial-running" : "trial-epoch", study.id(),
                    progress.trialId(), progress.state() == ProgressState.RUNNING
                            ? Map.of("worker", progress.worker())
                            : Map.of("epoch", progress.epoch(), "metrics", epochMetrics));
        }
    }

    /**
     * Asks the workers to stop a trial the study's early-stopping rule judged poor; the trainer ends it PRUNED with
     * the metrics of its epochs so far, and that result ends it here.
     */
    private void prune(Study study, String trialId, String reason) {
        controlPublisher.publish(ControlMessage.stop(study.id(), trialId, "pruned: " + reason, clock.instant()));
        metrics.stopRequested(study, study.spec().earlyStopping().type());
        LOG.infof("study %s: asked to stop trial %s, pruned: %s", study.id(), trialId, reason);
    }

    /** Stops a study: no new trials are issued, and the workers are asked to stop the trials in flight. */
    public <T> T stop(String studyId, String reason, Function<Study, T> view) {
        Study study = find(studyId);
        boolean stopped;
        List<String> inFlight;
        synchronized (study) {
            stopped = study.stop(reason, clock.instant());
            inFlight = study.trials().stream().filter(t -> t.state().inFlight()).map(Trial::trialId).toList();
        }
        if (stopped) {
            inFlight.forEach(trialId -> controlPublisher.publish(ControlMessage.stop(studyId, trialId,
                    "study stopped: " + reason, clock.instant())));
            updates.publish("study-ended", studyId, null, Map.of("status", "STOPPED"));
            eventPublisher.publish(StudyEvent.ended(studyId, StudyEvent.Type.STOPPED, StudySpecJson.write(study.spec()),
                    reason, study.createdAt(), clock.instant()));
            LOG.infof("study %s stopped: %s", studyId, reason);
        }
        return read(studyId, view);
    }

    /** Reads a study under its lock, through {@code view}, so that the caller sees a consistent state. */
    public <T> T read(String studyId, Function<Study, T> view) {
        Study study = find(studyId);
        synchronized (study) {
            return view.apply(study);
        }
    }

    /** All studies, newest first. */
    public <T> List<T> list(Function<Study, T> view) {
        awaitRecovery();
        return studies.values().stream().sorted(Comparator.comparing(Study::createdAt).reversed())
                .map(s -> read(s.id(), view)).toList();
    }

    /** Issues the study's next trials, while this replica holds its partition. */
    private void advance(Study study) {
        ownership.whileHeld(study.id(), () -> {
            issueNext(study);
            return Boolean.TRUE;
        });
    }

    private void issueNext(Study study) {
        List<Trial> issued;
        boolean finished;
        Instant now = clock.instant();
        synchronized (study) {
            boolean wasRunning = !study.status().ended();
            issued = metrics.suggestTimer().record(() -> study.issue(now));
            finished = wasRunning && study.status() == StudyStatus.FINISHED;
        }
        StudySpec spec = study.spec();
        for (Trial t : issued) {
            updates.publish("trial-issued", study.id(), t.trialId(), Map.of("number", t.number(), "params", t.params()));
            trialPublisher.publish(spec.workerPool(), TrialMessage.of(study.id(), t.trialId(), t.number(),
                    t.attempt(), t.params(), spec.objective(), TrialSections.forTrial(spec, t.number(),
                    t.trialId().equals(Study.refitId(study.id()))), now));
        }
        if (finished) {
            updates.publish("study-ended", study.id(), null, Map.of("status", "FINISHED"));
            eventPublisher.publish(StudyEvent.ended(study.id(), StudyEvent.Type.FINISHED, StudySpecJson.write(spec),
                    study.endReason(), study.createdAt(), now));
            LOG.infof("study %s finished: %s", study.id(), study.endReason());
        }
    }

    /** Observations for a warm start, and the spec's {@code warmStartFrom} entries that cannot give any. */
    record WarmStart(List<Observation> observations, List<FieldError> problems) {
    }

    /**
     * The completed trials of the studies {@code spec} names whose parameters form a legal configuration of its
     * space, valued by its objective metric; trials of another space or without that metric are left out.
     */
    WarmStart warmStart(StudySpec spec) {
        List<Observation> observations = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        String metric = spec.objective().metric();
        for (int i = 0; i < spec.warmStartFrom().size(); i++) {
            String sourceId = spec.warmStartFrom().get(i);
            Study source = studies.get(sourceId);
            if (source == null) {
                problems.add(new FieldError("warmStartFrom[" + i + "]", sourceId, "is not a known study"));
                continue;
            }
            int before = observations.size();
            synchronized (source) {
                for (Trial t : source.trials()) {
                    Map<String, Object> params = spec.searchSpace().activeOnly(t.params());
                    if (t.objective(metric).isPresent() && spec.searchSpace().check(params).isEmpty()) {
                        observations.add(new Observation(params, t.objective(metric).getAsDouble(), t.metrics()));
                    }
                }
            }
            if (observations.size() == before) {
                problems.add(new FieldError("warmStartFrom[" + i + "]", sourceId, "has no completed trial with "
                        + metric + " whose parameters fit this study's search space"));
            }
        }
        return new WarmStart(observations, problems);
    }

    /** The spec's strategy; a space it cannot search (a grid over a float without step) is a spec error. */
    static Strategy strategyFor(StudySpec spec) {
        StrategySpec s = spec.strategy();
        StrategyConfig config = new StrategyConfig(StrategyConfig.Type.valueOf(s.type().name()),
                StrategyConfig.AcquisitionType.valueOf(s.acquisition().name()), s.xi(), s.kappa(), s.initialPoints(),
                s.seed());
        try {
            return Strategies.create(config, spec.searchSpace(), spec.multiObjective());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(List.of(new FieldError("strategy.type", s.type().name().toLowerCase(),
                    "cannot search this space: " + e.getMessage())));
        }
    }

    /** Records the surrogate fits of a Bayesian strategy in {@code hpo_surrogate_fit_seconds}. */
    private Strategy observed(Strategy strategy) {
        java.util.function.LongConsumer fits = nanos -> metrics.surrogateFitTimer().record(nanos,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        if (strategy instanceof BayesianStrategy bayesian) {
            bayesian.onFit(fits);
        } else if (strategy instanceof ParEgoStrategy parEgo) {
            parEgo.onFit(fits);
        }
        return strategy;
    }

    private Study find(String studyId) {
        awaitRecovery();
        Study study = studies.get(studyId);
        if (study == null) {
            if (ownership.holds(studyId) && !ownership.owns(studyId)) {
                throw new NotOwnedException("the partition of study " + studyId + " is being recovered by replica "
                        + ownership.replica());
            }
            throw new UnknownStudyException(studyId);
        }
        return study;
    }
}
