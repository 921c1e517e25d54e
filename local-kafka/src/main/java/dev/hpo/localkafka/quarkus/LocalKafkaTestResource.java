package dev.hpo.localkafka.quarkus;

import dev.hpo.localkafka.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus app under test at one real local broker, shared by every test of the JVM. */
public class LocalKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", LocalKafka.shared().bootstrapServers());
    }

    @Override
    public void stop() {
        // The shared broker outlives each test class and is stopped when the JVM exits.
    }
}
