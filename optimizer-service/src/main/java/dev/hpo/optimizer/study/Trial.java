package dev.hpo.optimizer.study;

import dev.hpo.common.message.ResultMessage;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One configuration of a study and what became of it. Mutable, guarded by its {@link Study}'s lock; the
 * views handed out are copies.
 */
public final class Trial {

    /** Epochs of a learning curve kept per trial: bounds memory for very long trainings. */
    static final int MAX_CURVE = 1000;

    private final String trialId;
    private final int number;
    private final Map<String, Object> params;
    private final Instant issuedAt;
    private final boolean greedy;
    private int attempt = 1;
    private TrialState state = TrialState.QUEUED;
    private Map<String, Double> metrics = Map.of();
    private int epochs;
    private long durationMs;
    private String worker;
    private String device;
    private String error;
    private String artifact;
    private Instant startedAt;
    private Instant finishedAt;
    private String stopRequested;
    private final java.util.List<Map<String, Double>> curve = new java.util.ArrayList<>();

    Trial(String trialId, int number, Map<String, Object> params, Instant issuedAt, boolean greedy) {
        this.trialId = trialId;
        this.number = number;
        this.params = Map.copyOf(params);
        this.issuedAt = issuedAt;
        this.greedy = greedy;
    }

    void running(String worker, int attempt, Instant at) {
        if (state == TrialState.QUEUED) {
            state = TrialState.RUNNING;
            this.worker = worker;
            this.attempt = Math.max(this.attempt, attempt);
            this.startedAt = at;
        }
    }

    void finish(ResultMessage r, Instant at) {
        state = TrialState.of(r.status());
        attempt = r.attempt();
        metrics = Map.copyOf(r.metrics());
        epochs = r.epochs();
        durationMs = r.durationMs();
        worker = r.worker();
        device = r.device();
        error = r.error();
        artifact = r.artifact();
        finishedAt = at;
        if (startedAt == null) {
            // The RUNNING progress travels on another topic and may come later, or not at all (a trial given up
            // without training): the result's own duration places the start.
            startedAt = at.minusMillis(r.durationMs());
        }
    }

    /** Keeps an epoch's metrics for learning curves; epochs arrive in order, repeats of an attempt replace. */
    void epoch(int epoch, Map<String, Double> metrics) {
        if (epoch < 1 || epoch > MAX_CURVE) {
            return;
        }
        while (curve.size() >= epoch) {
            curve.remove(curve.size() - 1);
        }
        if (curve.size() == epoch - 1) {
            curve.add(Map.copyOf(metrics));
        }
    }

    /** The per-epoch metrics received so far, first epoch first. */
    public java.util.List<Map<String, Double>> curve() {
        return java.util.List.copyOf(curve);
    }

    /** One metric's value after each epoch received so far, NaN where an epoch did not report it. */
    public java.util.List<Double> curve(String metric) {
        return curve.stream().map(m -> m.getOrDefault(metric, Double.NaN)).toList();
    }

    /** Records that the workers were asked to stop the trial; false when they were asked already. */
    boolean requestStop(String reason) {
        if (stopRequested != null) {
            return false;
        }
        stopRequested = reason;
        return true;
    }

    /** Why the optimizer asked the workers to stop the trial, or null when it did not (since it started). */
    public String stopRequested() {
        return stopRequested;
    }

    /** The objective metric's value when the trial completed and reported it. */
    public OptionalDouble objective(String metric) {
        Double v = metrics.get(metric);
        return state == TrialState.COMPLETED && v != null ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    public String trialId() {
        return trialId;
    }

    public int number() {
        return number;
    }

    public Map<String, Object> params() {
        return params;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Whether the strategy chose the trial greedily (the surrogate's posterior-mean maximiser). Known in memory only:
     * a trial restored after a restart is not greedy.
     */
    public boolean greedy() {
        return greedy;
    }

    public int attempt() {
        return attempt;
    }

    public TrialState state() {
        return state;
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    public int epochs() {
        return epochs;
    }

    public long durationMs() {
        return durationMs;
    }

    public String worker() {
        return worker;
    }

    public String device() {
        return device;
    }

    public String error() {
        return error;
    }

    public String artifact() {
        return artifact;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
