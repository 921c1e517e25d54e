package dev.hpo.optimizer.health;

import dev.hpo.optimizer.recovery.OptimizerLease;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the studies are rebuilt from Kafka: a replica that answers before would not know them. A
 * standby (another replica holds the {@link OptimizerLease}) is never ready, so Kubernetes sends it no traffic.
 */
@ApplicationScoped
@Readiness
public class RecoveryHealth implements HealthCheck {

    @Inject
    StudyService studies;

    @Inject
    OptimizerLease lease;

    @Override
    public HealthCheckResponse call() {
        boolean driving = lease.held() && studies.recovered();
        // The studies this replica drives (all running ones while it holds the lease), for ./hpo local status.
        long running = driving ? studies.list(Study::status).stream().filter(s -> !s.ended()).count() : 0;
        return HealthCheckResponse.named("study-recovery").status(driving)
                .withData("lease", lease.state().name()).withData("replica", lease.replica())
                .withData("runningStudies", running).build();
    }
}
