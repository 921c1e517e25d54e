package dev.hpo.common.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether a Kafka cluster answers, for the services' readiness checks ({@code kafka-cluster}): {@code describeCluster}
 * within {@link #TIMEOUT}, an answer reused for {@link #FRESH_FOR} so that kubelet probes and scrapes do not each cost
 * a round trip to the broker. The Admin client is made on first use, so that a bootstrap address that does not
 * resolve yet means not ready, not a failed start.
 */
public final class ClusterProbe implements AutoCloseable {

    /** How long one question waits for the cluster. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** How long an answer is reused. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /**
     * What the cluster said.
     *
     * @param up   whether it answered
     * @param data {@code clusterId} and {@code nodes} if it did, else {@code error}: the failure's class and message
     */
    public record Answer(boolean up, Map<String, Object> data) {
        public Answer {
            data = Map.copyOf(data);
        }
    }

    private final Map<String, Object> adminConfig;
    private Admin admin;
    private Answer last;
    private long lastAtNanos;
    private Answer lastChecked;
    private HealthCheckResponse lastResponse;

    /** {@code adminConfig}: a client configuration without the channels' serializer settings. */
    public ClusterProbe(Map<String, Object> adminConfig) {
        this.adminConfig = Map.copyOf(adminConfig);
    }

    /** The name of the services' check of their link to Kafka. */
    public static final String CHECK = "kafka-cluster";

    /**
     * The {@value #CHECK} readiness check: down with {@code credentials refused: <why>} while {@code refusal} says
     * Kafka refuses the service's credentials (without asking: a probe would only add a failed login to the log),
     * else what the cluster answers, {@code clusterId} and {@code nodes} or the {@code error}.
     */
    public synchronized HealthCheckResponse check(Optional<String> refusal) {
        if (refusal.isPresent()) {
            return HealthCheckResponse.named(CHECK).down().withData("error", "credentials refused: " + refusal.get())
                    .build();
        }
        Answer answer = ask();
        if (answer == lastChecked) {
            return lastResponse;
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK).status(answer.up());
        answer.data().forEach((k, v) -> {
            if (v instanceof Number n) {
                response.withData(k, n.longValue());
            } else {
                response.withData(k, String.valueOf(v));
            }
        });
        lastChecked = answer;
        lastResponse = response.build();
        return lastResponse;
    }

    /** The last answer if it is fresh, else a new one. */
    public synchronized Answer ask() {
        if (last == null || System.nanoTime() - lastAtNanos >= FRESH_FOR.toNanos()) {
            last = probe();
            lastAtNanos = System.nanoTime();
        }
        return last;
    }

    private Answer probe() {
        try {
            if (admin == null) {
                admin = Admin.create(adminConfig);
            }
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            data.put("nodes", cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size());
            return new Answer(true, data);
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (TimeoutException | KafkaException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private static Answer down(Throwable cause) {
        return new Answer(false, Map.of("error", cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
