package dev.hpo.trainer.health;

import dev.hpo.trainer.messaging.ClientConfigs;
import dev.hpo.trainer.messaging.KafkaRefusal;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the trainer's link to Kafka: the cluster answers {@code describeCluster} within 2 s. The worker's
 * own clients are plain Kafka clients that SmallRye's channel checks do not see, hence this check. An answer is
 * reused for 5 s, so kubelet probes and scrapes do not each cost a round trip to the broker; while Kafka refuses
 * the trainer's credentials ({@link KafkaRefusal}) the answer is down with the reason, without asking.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    static final String NAME = "kafka-cluster";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Map<String, Object> adminConfig;
    private Admin admin;
    private HealthCheckResponse last;
    private long lastAtNanos;

    @Inject
    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.adminConfig = ClientConfigs.withoutSerializers(kafkaConfig);
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (last == null || System.nanoTime() - lastAtNanos >= FRESH_FOR.toNanos()) {
            last = probe();
            lastAtNanos = System.nanoTime();
        }
        return last;
    }

    private HealthCheckResponse probe() {
        Optional<String> refusal = KafkaRefusal.current();
        if (refusal.isPresent()) {
            // Known already, and asked again in the background: a probe would only add a failed login to the log.
            return HealthCheckResponse.named(NAME).down().withData("error", "credentials refused: " + refusal.get())
                    .build();
        }
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named(NAME).up().withData("clusterId", clusterId).withData("nodes", nodes)
                    .build();
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (TimeoutException | KafkaException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    /** Created on first use, so that a bootstrap address that does not resolve yet means not ready, not a crash. */
    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    private static HealthCheckResponse down(Throwable cause) {
        return HealthCheckResponse.named(NAME).down()
                .withData("error", cause.getClass().getSimpleName() + ": " + cause.getMessage()).build();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
