package dev.hpo.optimizer.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its first record to the end offsets it has when the replay starts, with a consumer that
 * joins no group and commits nothing, so that a replay never moves the service's own consumer offsets.
 */
public final class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> config;

    public TopicReplay(Map<String, Object> kafkaConfig) {
        config = TopicSetup.clientConfig(kafkaConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hpo-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /** Hands every record of {@code topic} to {@code sink}, partition by partition in offset order; 0 if absent. */
    public long readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        return read(topic, count -> p -> true, sink);
    }

    /**
     * Like {@link #readAll} for the partitions that {@code only} picks: it is given the topic's partition count
     * and answers which partition numbers to read.
     */
    public long read(String topic, IntFunction<IntPredicate> only, Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.listTopics(METADATA_TIMEOUT).get(topic);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            IntPredicate wanted = only.apply(infos.size());
            List<TopicPartition> partitions = new ArrayList<>();
            infos.stream().filter(i -> wanted.test(i.partition()))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        sink.accept(r);
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
