package dev.hpo.optimizer.health;

import dev.hpo.common.kafka.ClusterProbe;
import dev.hpo.optimizer.messaging.KafkaCredentials;
import dev.hpo.optimizer.recovery.TopicSetup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the optimizer's link to Kafka, in place of the Kafka extension's check, which asks the cluster at
 * every probe and so, with refused credentials, adds a failed login to the log each time. While Kafka refuses the
 * credentials ({@link KafkaCredentials}) it is down with the reason, without asking; before Kafka first answered,
 * down; after, what {@link ClusterProbe} finds.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final ClusterProbe probe;
    private final KafkaCredentials credentials;

    @Inject
    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaCredentials credentials) {
        this.probe = new ClusterProbe(TopicSetup.clientConfig(kafkaConfig));
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        if (credentials.refusal().isEmpty() && !credentials.accepted()) {
            return HealthCheckResponse.named(ClusterProbe.CHECK).down().withData("error", "Kafka has not answered yet")
                    .build();
        }
        return probe.check(credentials.refusal());
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
