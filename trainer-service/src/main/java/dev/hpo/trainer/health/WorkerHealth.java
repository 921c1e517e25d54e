package dev.hpo.trainer.health;

import dev.hpo.trainer.worker.TrialWorker;
import dev.hpo.trainer.worker.WorkerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of the worker loop: ready once it consumes trials, live unless its thread died. */
@ApplicationScoped
public class WorkerHealth {

    @Inject
    WorkerService service;

    @Readiness
    HealthCheck ready() {
        return () -> {
            TrialWorker w = service.worker();
            return HealthCheckResponse.named("trial-worker").status(w != null && service.alive())
                    .withData("busy", w != null && w.busy()).build();
        };
    }

    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.named("trial-worker-thread")
                .status(service.worker() == null || service.alive()).build();
    }
}
