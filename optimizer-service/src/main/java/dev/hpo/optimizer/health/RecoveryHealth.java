package dev.hpo.optimizer.health;

import dev.hpo.common.message.PartitionRanges;
import dev.hpo.optimizer.recovery.StudyOwnership;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the studies of the partitions first assigned to this replica ({@link StudyOwnership}) are rebuilt
 * from Kafka: a replica that answers before would not know them. Its data say what the replica owns, for
 * {@code ./hpo local status}: the partitions of {@code hpo.studies}, as ranges, and the running studies.
 */
@ApplicationScoped
@Readiness
public class RecoveryHealth implements HealthCheck {

    @Inject
    StudyService studies;

    @Inject
    StudyOwnership ownership;

    @Override
    public HealthCheckResponse call() {
        boolean ready = studies.recovered();
        Set<Integer> owned = ownership.ownedPartitions();
        long running = ready ? studies.list(Study::status).stream().filter(s -> !s.ended()).count() : 0;
        return HealthCheckResponse.named("study-recovery").status(ready)
                .withData("replica", ownership.replica())
                .withData("partitions", PartitionRanges.format(owned))
                .withData("ownedPartitions", owned.size())
                .withData("partitionCount", ownership.partitions())
                .withData("runningStudies", running).build();
    }
}
