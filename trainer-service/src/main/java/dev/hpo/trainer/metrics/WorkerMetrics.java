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

    public WorkerMetrics(MeterRegistry registry, BooleanSupplier busy) {
        this.registry = registry;
        Gauge.builder("hpo.trainer.busy", () -> busy.getAsBoolean() ? 1 : 0)
                .description("1 while the trainer trains a trial").register(registry);
        epoch = Timer.builder("hpo.trainer.epoch").description("Duration of one training epoch (validation included)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    /**
     * The device gauges: {@code hpo_trainer_device_info} (1, while the trainer has a device) and
     * {@code hpo_trainer_device}, 1 while it trains on {@code device}, 0 when it has none (HPO_DEVICE=cuda without a
     * usable GPU: the trainer is then not ready), so that an alert can find trainers waiting for a GPU.
     *
     * @param device  "cpu", "cuda:0 NVIDIA H100 80GB HBM3 sm_90", or "none"
     * @param backend what computes the steps: "nd4j-native" (the CPU) or "cuda" (the GPU step: cuBLAS and NVRTC)
     */
    public static void registerDevice(MeterRegistry registry, String device, String backend) {
        boolean usable = !"none".equals(device);
        Gauge.builder("hpo.trainer.device", () -> usable ? 1 : 0)
                .description("1 while this trainer has its device, 0 while it waits for one")
                .tag("device", device).tag("backend", backend).register(registry);
        if (usable) {
            Gauge.builder("hpo.trainer.device.info", () -> 1).description("The device this trainer trains on")
                    .tag("device", device).tag("backend", backend).register(registry);
        }
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
