package dev.hpo.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    /** Generous bound for a receive loop; the first share-group record alone takes 3-6 s. */
    private static final Duration RECEIVE_LIMIT = Duration.ofSeconds(60);

    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.shared();
    }

    @Test
    void sharedReturnsTheSameRunningBroker() {
        assertThat(LocalKafka.shared()).isSameAs(kafka);
        assertThat(kafka.isAlive()).isTrue();
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(ProcessHandle.of(kafka.pid())).isPresent();
    }

    @Test
    void classicConsumerGroupReceivesAProducedRecord() throws Exception {
        produce("classic-topic", List.of("hello"));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "classic-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("classic-topic"));
            List<String> values = new ArrayList<>();
            Instant limit = Instant.now().plus(RECEIVE_LIMIT);
            while (values.isEmpty() && Instant.now().isBefore(limit)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void shareGroupReceivesRecordsPublishedBeforeItSubscribedAndAcceptsThem() throws Exception {
        produce("share-topic", List.of("trial-0", "trial-1", "trial-2"));
        kafka.configureShareGroup("share-group", Map.of(
                ShareGroupConfig.AUTO_OFFSET_RESET, "earliest",
                ShareGroupConfig.RECORD_LOCK_DURATION_MS, "20000"));
        assertThat(groupConfig("share-group"))
                .containsEntry(ShareGroupConfig.AUTO_OFFSET_RESET, "earliest")
                .containsEntry(ShareGroupConfig.RECORD_LOCK_DURATION_MS, "20000");

        assertThat(consumeAndAccept("share-group", 3)).containsExactlyInAnyOrder("trial-0", "trial-1", "trial-2");

        // Closing a share consumer releases the records it has not acknowledged; accepted ones stay
        // settled, so the next consumer of the group gets only what is published afterwards.
        produce("share-topic", List.of("trial-3"));
        assertThat(consumeAndAccept("share-group", 1)).containsExactly("trial-3");
    }

    private static List<String> consumeAndAccept(String groupId, int count) {
        List<String> accepted = new ArrayList<>();
        try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                "share.acknowledgement.mode", "explicit"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("share-topic"));
            Instant limit = Instant.now().plus(RECEIVE_LIMIT);
            while (accepted.size() < count && Instant.now().isBefore(limit)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    consumer.acknowledge(record, AcknowledgeType.ACCEPT);
                    accepted.add(record.value());
                }
                assertThat(consumer.commitSync().values()).allMatch(Optional::isEmpty);
            }
        }
        return accepted;
    }

    private static void produce(String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static Map<String, String> groupConfig(String groupId) throws Exception {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        try (Admin admin = admin()) {
            Config config = admin.describeConfigs(List.of(group)).all().get().get(group);
            Map<String, String> values = new HashMap<>();
            config.entries().forEach(e -> values.put(e.name(), e.value()));
            return values;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
