package dev.hpo.optimizer.health;

import dev.hpo.optimizer.study.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the studies are rebuilt from Kafka: a replica that answers before would not know them. */
@ApplicationScoped
@Readiness
public class RecoveryHealth implements HealthCheck {

    @Inject
    StudyService studies;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("study-recovery").status(studies.recovered()).build();
    }
}
