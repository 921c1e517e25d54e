package dev.hpo.optimizer.metrics;

import dev.hpo.common.study.EarlyStopping;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.StudyStatus;
import dev.hpo.optimizer.study.TrialState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The optimizer's Prometheus metrics (docs/operations.md lists them). Per-study series carry the study id,
 * so their number grows with the number of studies this replica holds, not with trials or epochs.
 */
@ApplicationScoped
public class StudyMetrics {

    @Inject
    MeterRegistry registry;

    private final Set<String> pools = ConcurrentHashMap.newKeySet();
    private Timer suggest;
    private Timer surrogateFit;
    private Supplier<Collection<Study>> studies;

    @PostConstruct
    void init() {
        suggest = Timer.builder("hpo.suggest").description("Time to propose a batch of trials (surrogate refit and acquisition optimisation included)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        surrogateFit = Timer.builder("hpo.surrogate.fit").description("Time to fit the Gaussian-process surrogate's hyperparameters")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    /** Registers the gauges that read the studies this replica holds. */
    public void bind(Supplier<Collection<Study>> studies) {
        this.studies = studies;
        for (StudyStatus s : StudyStatus.values()) {
            Gauge.builder("hpo.studies", () -> studies.get().stream().filter(x -> read(x, () -> x.status() == s)).count())
                    .description("Studies by state").tag("state", s.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /** Registers the per-study gauges of a new study, and the queue gauge of its pool. */
    public void studyCreated(Study study) {
        String id = study.id();
        String metric = study.spec().objective().metric();
        Gauge.builder("hpo.trials.in_flight", study, s -> read(s, s::inFlight)).description("Trials published and not yet ended")
                .tag("study", id).register(registry);
        Gauge.builder("hpo.study.best_objective", study, s -> read(s, () -> s.best()
                        .map(t -> t.objective(metric).getAsDouble()).orElse(Double.NaN)))
                .description("Best objective value so far").tag("study", id).tag("metric", metric).register(registry);
        String pool = study.spec().workerPool();
        if (pools.add(pool)) {
            Gauge.builder("hpo.trials.queued", () -> studies.get().stream()
                            .filter(s -> s.spec().workerPool().equals(pool))
                            .mapToLong(s -> read(s, () -> s.count(TrialState.QUEUED))).sum())
                    .description("Trials published to the pool and not yet taken by a worker").tag("pool", pool)
                    .register(registry);
        }
    }

    /** Removes the per-study gauges of a study that another replica drives now. */
    public void studyReleased(Study study) {
        registry.find("hpo.trials.in_flight").tag("study", study.id()).meters().forEach(registry::remove);
        registry.find("hpo.study.best_objective").tag("study", study.id()).meters().forEach(registry::remove);
    }

    /** Counts a trial that ended. */
    public void trialEnded(Study study, TrialState state) {
        Counter.builder("hpo.trials").description("Trials that ended, by status").tag("study", study.id())
                .tag("status", state.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    /** Counts a stop request of a study's early-stopping rule; the trial's PRUNED end is counted by {@link #trialEnded}. */
    public void stopRequested(Study study, EarlyStopping.Type rule) {
        Counter.builder("hpo.pruning.stops").description("Trials the study's early-stopping rule asked the workers to stop")
                .tag("study", study.id()).tag("rule", rule.name().toLowerCase(Locale.ROOT)).register(registry)
                .increment();
    }

    public Timer suggestTimer() {
        return suggest;
    }

    public Timer surrogateFitTimer() {
        return surrogateFit;
    }

    private static <T> T read(Study s, Supplier<T> value) {
        synchronized (s) {
            return value.get();
        }
    }
}
