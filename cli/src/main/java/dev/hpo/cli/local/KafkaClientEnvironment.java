package dev.hpo.cli.local;

import dev.hpo.localkafka.ClientSecurity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment that connects a service to a secured broker, as an operator sets it (docs/operations.md,
 * "Kafka security"): the login as {@code KAFKA_SASL_USERNAME} and {@code KAFKA_SASL_PASSWORD}, from which the
 * services build the JAAS line themselves, and every other client property {@code p} as {@code KAFKA_<P>}
 * ({@code ssl.truststore.location} as {@code KAFKA_SSL_TRUSTSTORE_LOCATION}), which the services' Kafka extension
 * passes on to every client.
 */
public final class KafkaClientEnvironment {

    private KafkaClientEnvironment() {
    }

    /** Returns the variables for {@code security}. */
    public static Map<String, String> of(ClientSecurity security) {
        Map<String, String> env = new LinkedHashMap<>();
        security.kafkaProperties().forEach((name, value) -> {
            if (!name.equals("sasl.jaas.config")) {
                env.put(variable(name), value);
            }
        });
        env.put("KAFKA_SASL_USERNAME", security.username());
        env.put("KAFKA_SASL_PASSWORD", security.password());
        return env;
    }

    /** {@code ssl.truststore.location} becomes {@code KAFKA_SSL_TRUSTSTORE_LOCATION}. */
    static String variable(String property) {
        return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
