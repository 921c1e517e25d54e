package dev.hpo.trainer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** The trainer's Prometheus metrics: busy flag, trial and epoch durations, trials by status, the device. */
public final class WorkerMetrics {

    private final MeterRegistry registry;
    private final Timer epoch;

    public WorkerMetrics(MeterRegistry registry, BooleanSupplier busy, String device, String backend) {
        this.registry = registry;
        Gauge.builder("hpo.trainer.busy", () -> busy.getAsBoolean() ? 1 : 0)
                .description("1 while the trainer trains a trial").register(registry);
        Gauge.builder("hpo.trainer.device.info", () -> 1).description("The device this trainer trains on")
                .tag("device", device).tag("backend", backend).register(registry);
        epoch = Timer.builder("hpo.trainer.epoch").description("Duration of one training epoch (validation included)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    public void epoch(Duration d) {
        epoch.record(d);
    }

    /** Counts a finished trial and records its duration under its status. */
    public void trialEnded(String status, Duration d) {
        String s = status.toLowerCase(Locale.ROOT);
        Timer.builder("hpo.trainer.trial").description("Duration of a trial on this trainer, by status")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(2)).tag("status", s).register(registry).record(d);
        Counter.builder("hpo.trainer.trials").description("Trials this trainer ended, by status").tag("status", s)
                .register(registry).increment();
    }
}
