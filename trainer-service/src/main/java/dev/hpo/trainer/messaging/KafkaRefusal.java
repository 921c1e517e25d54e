package dev.hpo.trainer.messaging;

import java.util.Optional;

/**
 * Whether Kafka refused this trainer's credentials (SASL or TLS) when it prepared the work queue, and why. While
 * it does, the clients that would poll (the trial queue, the control listener) and the readiness check leave Kafka
 * alone, rather than each fail, and have Kafka's client log the failure, every second; {@link ShareGroups#prepare}
 * asks again in the background and clears it once Kafka accepts them. One per JVM, as the credentials are.
 */
public final class KafkaRefusal {

    private static volatile String reason;

    private KafkaRefusal() {
    }

    /** Returns why Kafka refused the credentials, while it does; empty once it accepted them (or never refused). */
    public static Optional<String> current() {
        return Optional.ofNullable(reason);
    }

    static void set(String why) {
        reason = why;
    }

    static void clear() {
        reason = null;
    }
}
