package dev.hpo.cli.bench;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.message.TrialTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the trial and result topics hold, read from the beginning to their end by a consumer of its own (no group,
 * no commits): independent of the optimizer's and the workers' view.
 *
 * @param trials     every trial record, re-issues included, in topic order
 * @param results    every result record, duplicates included, in topic order
 * @param unreadable records that are not {@code hpo.trial/v1} or {@code hpo.result/v1}
 */
record TopicLog(List<IssuedTrial> trials, List<ReportedResult> results, int unreadable) {

    /**
     * A record of a trial topic; {@code at} is the record's timestamp (the optimizer's send time), epoch ms;
     * {@code replica} the optimizer replica that issued it (header {@code hpo-replica}), or {@link #UNNAMED}.
     */
    record IssuedTrial(String studyId, String trialId, int number, int attempt, long at, String replica) {
    }

    /** The replica of a trial record without the {@code hpo-replica} header. */
    static final String UNNAMED = "(unnamed)";

    /** A record of {@code hpo.results}; {@code at} is the record's timestamp (the worker's send time), epoch ms. */
    record ReportedResult(String studyId, String trialId, int attempt, TrialStatus status, long at) {
    }

    TopicLog {
        trials = List.copyOf(trials);
        results = List.copyOf(results);
    }

    /** Reads {@code trialTopic} and {@code resultTopic} up to the end offsets they have now. */
    static TopicLog read(Map<String, String> clientProperties, String trialTopic, String resultTopic) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<IssuedTrial> trials = new ArrayList<>();
        List<ReportedResult> results = new ArrayList<>();
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(trialTopic, resultTopic)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        if (r.topic().equals(trialTopic)) {
                            TrialMessage t = MessageCodec.decodeTrial(r.value());
                            Header replica = r.headers().lastHeader(TrialTopics.REPLICA_HEADER);
                            trials.add(new IssuedTrial(t.studyId(), t.trialId(), t.number(), t.attempt(), r.timestamp(),
                                    replica == null ? UNNAMED : new String(replica.value(), StandardCharsets.UTF_8)));
                        } else {
                            ResultMessage m = MessageCodec.decodeResult(r.value());
                            results.add(new ReportedResult(m.studyId(), m.trialId(), m.attempt(), m.status(),
                                    r.timestamp()));
                        }
                    } catch (InvalidMessageException e) {
                        unreadable++;
                    }
                }
            }
        }
        return new TopicLog(trials, results, unreadable);
    }
}
