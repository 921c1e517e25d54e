package dev.hpo.trainer.messaging;

import java.util.HashMap;
import java.util.Map;

/** Turns the trainer's Kafka config ({@code kafka.*}, the default-kafka-broker map) into a plain client's config. */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    /**
     * A copy of {@code kafkaConfig} without the (de)serializer keys ({@code key.*}, {@code value.*}), which an Admin
     * client does not take; the plain consumers and producers set their own.
     */
    public static Map<String, Object> withoutSerializers(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        return config;
    }
}
