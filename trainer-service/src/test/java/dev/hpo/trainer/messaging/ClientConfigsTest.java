package dev.hpo.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    @Test
    void theSerializerKeysGoAndEveryOtherSettingStaysWithoutTouchingTheOriginal() {
        Map<String, Object> kafka = Map.of("bootstrap.servers", "broker:9093", "security.protocol", "SASL_SSL",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");

        Map<String, Object> plain = ClientConfigs.withoutSerializers(kafka);

        assertThat(plain).containsOnly(Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("security.protocol", "SASL_SSL"));
        assertThat(kafka).hasSize(4);
        plain.put("client.id", "admin");
        assertThat(kafka).doesNotContainKey("client.id");
    }
}
