package dev.hpo.trainer.health;

import dev.hpo.common.kafka.ClusterProbe;
import dev.hpo.trainer.messaging.ClientConfigs;
import dev.hpo.trainer.messaging.KafkaRefusal;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the trainer's link to Kafka: the cluster answers ({@link ClusterProbe}). The worker's own clients are
 * plain Kafka clients that SmallRye's channel checks do not see, hence this check. While Kafka refuses the trainer's
 * credentials ({@link KafkaRefusal}) the answer is down with the reason, without asking.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final ClusterProbe probe;

    @Inject
    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.probe = new ClusterProbe(ClientConfigs.withoutSerializers(kafkaConfig));
    }

    @Override
    public HealthCheckResponse call() {
        return probe.check(KafkaRefusal.current());
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
