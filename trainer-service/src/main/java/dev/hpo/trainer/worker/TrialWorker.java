package dev.hpo.trainer.worker;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.trainer.messaging.TrialQueue;
import dev.hpo.trainer.messaging.TrialStops;
import dev.hpo.trainer.metrics.WorkerMetrics;
import dev.hpo.trainer.messaging.WorkerPublisher;
import dev.hpo.trainer.training.TrialOutcome;
import dev.hpo.trainer.training.TrialRequest;
import dev.hpo.trainer.training.TrialRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The worker loop: take one trial from the queue, announce it (RUNNING), train it on a separate thread while
 * renewing its lock, publish the result, and only then acknowledge it. Any exception of the trial becomes a
 * FAILED result with its reason; an unreadable record goes to the dead-letter topic; a trial the optimizer stopped
 * before this worker took it is reported stopped without training: a stop is final.
 */
public final class TrialWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(TrialWorker.class);
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(1);

    private final TrialQueue queue;
    private final WorkerPublisher publisher;
    private final TrialRunner runner;
    private final String worker;
    private final WorkerSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService training = Executors.newSingleThreadExecutor(r -> new Thread(r, "training"));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Artifacts artifacts;
    private final TrialStops stops;
    private volatile long lastBeat = System.nanoTime();
    private volatile CurrentTrial current;
    private WorkerMetrics metrics;

    /** @param stops the stops published on {@code hpo.control}, asked about each trial taken */
    public TrialWorker(TrialQueue queue, WorkerPublisher publisher, TrialRunner runner, WorkerSettings settings,
                       Artifacts artifacts, TrialStops stops) {
        this.queue = queue;
        this.publisher = publisher;
        this.runner = runner;
        this.worker = settings.id();
        this.settings = settings;
        this.artifacts = artifacts;
        this.stops = stops;
    }

    /** Records busy time, trials and epochs into {@code metrics} from now on. */
    public void observe(WorkerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void run() {
        LOG.infof("worker %s waiting for trials", worker);
        while (running.get()) {
            lastBeat = System.nanoTime();
            try {
                queue.take(TAKE_TIMEOUT).ifPresent(this::handle);
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                LOG.errorf(e, "worker %s: error in the worker loop, going on", worker);
            }
        }
        training.shutdownNow();
        LOG.infof("worker %s stopped", worker);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        TrialMessage trial;
        try {
            trial = MessageCodec.decodeTrial(record.value());
        } catch (InvalidMessageException e) {
            LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            publisher.deadLetter(record, e.getMessage());
            queue.reject(record);
            return;
        }
        busy.set(true);
        current = new CurrentTrial(trial.trialId());
        try {
            // Asked after current is set: a stop the lookup misses arrives through stopTrial and stops current.
            stops.reasonFor(trial.trialId()).ifPresent(current::stop);
            int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
            ResultMessage result = current.reason() != null ? stoppedBefore(trial, delivery)
                    : delivery >= settings.deliveryLimit() ? giveUp(trial, delivery)
                    : train(record, trial);
            if (result == null) {
                LOG.infof("worker %s shutting down: trial %s goes back to the queue", worker, trial.trialId());
                queue.release(record);
                return;
            }
            try {
                publisher.result(result);
            } catch (IllegalStateException e) {
                // The broker did not take the result in time: give the trial back rather than lose it. If the
                // result still arrives, the optimizer applies the first result of an attempt only.
                LOG.errorf("worker %s: %s; trial %s goes back to the queue", worker, e.getMessage(), trial.trialId());
                queue.release(record);
                return;
            }
            queue.accept(record);
            if (metrics != null) {
                metrics.trialEnded(result.status().name(), Duration.ofMillis(result.durationMs()));
            }
        } finally {
            current = null;
            busy.set(false);
        }
    }

    /**
     * The optimizer stopped the trial (its study stopped, or it was pruned) before this worker took it: it waited in
     * the queue, or an earlier taker died or gave it back before acknowledging it. Reported as a trial stopped while
     * training is, PRUNED with the stop's reason, without training it again.
     */
    private ResultMessage stoppedBefore(TrialMessage trial, int delivery) {
        String reason = current.reason();
        LOG.infof("worker %s: trial %s (delivery %d) was stopped before it was taken, reported without training: %s",
                worker, trial.trialId(), delivery, reason);
        return ResultMessage.of(trial.studyId(), trial.trialId(), trial.attempt(), TrialStatus.PRUNED, Map.of(), 0, 0,
                worker, runner.device(), reason);
    }

    /**
     * The trial has been delivered {@code delivery} times and no earlier taker finished it: each died (a trial
     * that kills its trainer's JVM would go on killing every trainer) or gave it up while shutting down. Reported
     * FAILED without training, so that the study goes on; Kafka itself would set the record aside at its limit
     * without a word.
     */
    private ResultMessage giveUp(TrialMessage trial, int delivery) {
        String reason = "given up at delivery " + delivery + " (hpo.worker.delivery-limit): no earlier delivery "
                + "ended with a result; each trainer that took it died or gave it up";
        LOG.errorf("worker %s: trial %s %s", worker, trial.trialId(), reason);
        return ResultMessage.of(trial.studyId(), trial.trialId(), trial.attempt(), TrialStatus.FAILED, Map.of(), 0, 0,
                worker, runner.device(), reason);
    }

    /** Trains a trial; null when the worker is shutting down and the trial must go to another worker. */
    private ResultMessage train(ConsumerRecord<String, byte[]> record, TrialMessage trial) {
        int attempt = trial.attempt();
        LOG.infof("worker %s took trial %s (#%d, delivery %s): %s", worker, trial.trialId(), trial.number(),
                record.deliveryCount().map(String::valueOf).orElse("?"), trial.params());
        publisher.progress(ProgressMessage.running(trial.studyId(), trial.trialId(), attempt, worker, clock.instant()));
        long start = System.nanoTime();
        long seed = trial.trainer().path("seed").asLong(trial.number());
        Duration limit = timeLimit(trial);
        CurrentTrial control = current;
        TrialRequest request = new TrialRequest(trial.params(), trial.trainer(), seed);
        long[] epochStart = {System.nanoTime()};
        Future<TrialOutcome> outcome = training.submit(() -> {
            Faults.beforeTraining(trial, settings.faultInjection());
            return runner.run(request, (epoch, epochMetrics) -> {
                long now = System.nanoTime();
                if (metrics != null) {
                    metrics.epoch(Duration.ofNanos(now - epochStart[0]));
                }
                epochStart[0] = now;
                publisher.progress(ProgressMessage.epoch(trial.studyId(), trial.trialId(), attempt, worker, epoch,
                        epochMetrics, clock.instant()));
                Faults.afterEpoch(trial, settings.faultInjection());
            }, () -> !running.get() || control.stopRequested(start, limit));
        });
        try {
            TrialOutcome o = awaitRenewing(record, outcome);
            long ms = elapsedMs(start);
            if (!running.get()) {
                return null;
            }
            String stopped = control.reason();
            if (stopped != null) {
                if (!control.timedOut()) {
                    Faults.whenStopped(trial, settings.faultInjection());
                }
                LOG.infof("worker %s stopped trial %s after %d epochs: %s", worker, trial.trialId(), o.epochs(),
                        stopped);
                TrialStatus status = control.timedOut() ? TrialStatus.FAILED : TrialStatus.PRUNED;
                return ResultMessage.of(trial.studyId(), trial.trialId(), attempt, status, o.metrics(), o.epochs(),
                        ms, worker, o.device(), stopped);
            }
            LOG.infof("worker %s finished trial %s in %d ms after %d epochs: %s", worker, trial.trialId(), ms,
                    o.epochs(), o.metrics());
            ResultMessage result = ResultMessage.of(trial.studyId(), trial.trialId(), attempt, TrialStatus.COMPLETED,
                    o.metrics(), o.epochs(), ms, worker, o.device(), null);
            return o.model() == null ? result : result.withArtifact(artifacts.save(trial, o.model()).toString());
        } catch (ExecutionException e) {
            if (!running.get()) {
                return null;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf(cause, "worker %s: trial %s failed", worker, trial.trialId());
            return ResultMessage.of(trial.studyId(), trial.trialId(), attempt, TrialStatus.FAILED, Map.of(), 0,
                    elapsedMs(start), worker, runner.device(), reason(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** The trial's own limit ({@code trainer.timeLimitSeconds}) or the worker's default. */
    private Duration timeLimit(TrialMessage trial) {
        long seconds = trial.trainer().path("timeLimitSeconds").asLong(0);
        return seconds > 0 ? Duration.ofSeconds(seconds) : settings.trialTimeLimit();
    }

    /**
     * Asks the trial now training to stop within an epoch, if it is {@code trialId} (a control message for
     * another trial is not for this worker); safe from any thread.
     */
    public boolean stopTrial(String trialId, String reason) {
        CurrentTrial c = current;
        return c != null && c.trialId.equals(trialId) && c.stop(reason);
    }

    /** Waits for the training to end, renewing the trial's lock every {@code renewEvery}. */
    private TrialOutcome awaitRenewing(ConsumerRecord<String, byte[]> record, Future<TrialOutcome> outcome)
            throws ExecutionException, InterruptedException {
        while (true) {
            lastBeat = System.nanoTime();
            try {
                return outcome.get(settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                queue.renew(record);
            }
        }
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t instanceof dev.hpo.trainer.training.TrialException ? message
                : t.getClass().getSimpleName() + ": " + message;
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Asks the loop to end after the current trial's next epoch; wakes it if it is waiting for a trial. */
    public void stop() {
        running.set(false);
        queue.wakeup();
    }

    public boolean busy() {
        return busy.get();
    }

    /** The id of the trial the worker trains now, if it trains one. */
    public Optional<String> trial() {
        CurrentTrial c = current;
        return busy.get() && c != null ? Optional.of(c.trialId) : Optional.empty();
    }

    /** Nanosecond time of the loop's last sign of life, for the liveness check. */
    public long lastBeat() {
        return lastBeat;
    }
}
