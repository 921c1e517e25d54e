package dev.hpo.trainer.health;

import dev.hpo.trainer.worker.TrialWorker;
import dev.hpo.trainer.worker.WorkerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the worker loop: ready once it consumes trials (never while the trainer has no device, whose reason the
 * check then carries), live unless its thread died or is wedged.
 */
@ApplicationScoped
public class WorkerHealth {

    @Inject
    WorkerService service;

    @Readiness
    HealthCheck ready() {
        return () -> {
            String problem = service.deviceProblem();
            if (problem != null) {
                return HealthCheckResponse.named("trial-worker").down().withData("device", problem).build();
            }
            TrialWorker w = service.worker();
            var response = HealthCheckResponse.named("trial-worker").status(w != null && service.alive())
                    .withData("busy", w != null && w.busy());
            if (w != null) {
                w.trial().ifPresent(trial -> response.withData("trial", trial));
            }
            return response.build();
        };
    }

    /**
     * Live unless the loop's thread died or stopped beating: it beats at least once per lock renewal while a
     * trial trains, and once a second while it waits for one, so a silence of three renewals means it is wedged.
     */
    @Liveness
    HealthCheck live() {
        return () -> {
            TrialWorker w = service.worker();
            if (w == null) {
                return HealthCheckResponse.up("trial-worker-loop");
            }
            long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - w.lastBeat());
            long limitMs = Math.max(60_000, 3 * service.renewInterval().toMillis());
            return HealthCheckResponse.named("trial-worker-loop").status(service.alive() && silentMs < limitMs)
                    .withData("silentMs", silentMs).withData("limitMs", limitMs).build();
        };
    }
}
