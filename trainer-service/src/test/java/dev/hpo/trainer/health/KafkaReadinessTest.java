package dev.hpo.trainer.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaReadinessTest {

    @Test
    void aBrokerThatDoesNotAnswerMakesTheTrainerNotReadyAndTheAnswerIsReused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaReadiness check = new KafkaReadiness(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort,
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
        try {
            HealthCheckResponse first = check.call();
            HealthCheckResponse second = check.call();

            assertThat(first.getName()).isEqualTo("kafka-cluster");
            assertThat(first.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(first.getData()).hasValueSatisfying(d -> assertThat(d.get("error")).asString()
                    .startsWith("TimeoutException"));
            assertThat(second).as("answered from the cache, without a second round trip").isSameAs(first);
        } finally {
            check.close();
        }
    }

    @Test
    void aBootstrapAddressThatDoesNotResolveMeansNotReadyRatherThanAFailure() {
        KafkaReadiness check = new KafkaReadiness(Map.of("bootstrap.servers", "kafka.invalid:9092"));
        try {
            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).hasValueSatisfying(d -> assertThat(d.get("error")).asString()
                    .contains("KafkaException"));
        } finally {
            check.close();
        }
    }
}
