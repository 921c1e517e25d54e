package dev.hpo.trainer.messaging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.jboss.logging.Logger;

/**
 * The trial work queue of one worker: a Kafka share-group consumer (KIP-932) that holds at most one trial at
 * a time, renews its acquisition lock while the trial trains and acknowledges it only when told. Confined to
 * the worker thread, like the consumer it wraps. While Kafka refuses the trainer's credentials ({@link KafkaRefusal})
 * the consumer is not made: its background thread would try, and log the refusal, every second.
 */
public final class TrialQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrialQueue.class);
    private static final Duration RENEW_POLL = Duration.ofMillis(200);
    private static final int RENEW_POLLS = 50;

    private final Map<String, Object> config;
    private final String topic;
    private volatile KafkaShareConsumer<String, byte[]> consumer;
    private MeterRegistry registry;

    public TrialQueue(Map<String, Object> kafkaConfig, String shareGroup, String topic) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, shareGroup);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // One job per worker: acknowledge explicitly and acquire one record at a time, or one poll takes every
        // queued trial and the other workers idle (STACK.md, "Share groups").
        config.put("share.acknowledgement.mode", "explicit");
        config.put("share.acquire.mode", "record_limit");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.remove(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        config.remove(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
        this.config = config;
        this.topic = topic;
        if (KafkaRefusal.current().isEmpty()) {
            subscribe();
        }
    }

    private void subscribe() {
        KafkaShareConsumer<String, byte[]> created = new KafkaShareConsumer<>(config);
        created.subscribe(List.of(topic));
        consumer = created;
        if (registry != null) {
            bindMetrics(registry);
        }
    }

    /**
     * Publishes the share consumer's client-level metrics (fetches, records, acknowledgements, connections) in
     * {@code registry}, named as Micrometer's {@code KafkaClientMetrics} names a classic consumer's
     * ({@code kafka_consumer_share_fetch_manager_records_consumed_total}, ...): that binder takes no share consumer.
     * Metrics Kafka registers after this call (per topic, per partition) are not bound, which keeps the number
     * of series fixed. A consumer not made yet is bound when it is.
     */
    public void bindMetrics(MeterRegistry registry) {
        this.registry = registry;
        if (consumer == null) {
            return;
        }
        ToDoubleFunction<Metric> value = m -> m.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
        consumer.metrics().forEach((name, metric) -> {
            if (!(metric.metricValue() instanceof Number)) {
                return;
            }
            String meter = "kafka." + name.group().replace("-metrics", "").replace('-', '.') + "."
                    + name.name().replace('-', '.');
            List<Tag> tags = new ArrayList<>(List.of(Tag.of("kafka.version", AppInfoParser.getVersion())));
            name.tags().forEach((k, v) -> tags.add(Tag.of(k.replace('-', '.'), v)));
            if (name.name().endsWith("-total")) {
                FunctionCounter.builder(meter, metric, value).tags(tags).description(name.description())
                        .register(registry);
            } else {
                Gauge.builder(meter, metric, value).tags(tags).description(name.description()).register(registry);
            }
        });
    }

    /**
     * The next trial record, or empty after {@code timeout}; throws {@link WakeupException} on {@link #wakeup()}.
     * While Kafka refuses the trainer's credentials ({@link KafkaRefusal}) it waits out the timeout without asking.
     */
    public Optional<ConsumerRecord<String, byte[]>> take(Duration timeout) {
        if (KafkaRefusal.current().isPresent()) {
            pause(timeout);
            return Optional.empty();
        }
        if (consumer == null) {
            subscribe();
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * Extends the lock on {@code record}. The pattern that works (STACK.md): RENEW, commit, then poll until the
     * renewed record comes back; a plain poll after RENEW would silently acquire other queued records.
     */
    public void renew(ConsumerRecord<String, byte[]> record) {
        consumer.acknowledge(record, AcknowledgeType.RENEW);
        consumer.commitSync();
        for (int i = 0; i < RENEW_POLLS; i++) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(RENEW_POLL)) {
                if (r.partition() == record.partition() && r.offset() == record.offset()) {
                    return;
                }
                LOG.warnf("released %s-%d@%d acquired while renewing", r.topic(), r.partition(), r.offset());
                consumer.acknowledge(r, AcknowledgeType.RELEASE);
                consumer.commitSync();
            }
        }
        LOG.warnf("the renewed record %s-%d@%d did not come back", record.topic(), record.partition(),
                record.offset());
    }

    /** The trial is done and its result published: remove it from the queue. */
    public void accept(ConsumerRecord<String, byte[]> record) {
        acknowledge(record, AcknowledgeType.ACCEPT);
    }

    /** This worker gives the trial up unfinished (it is shutting down): deliver it to another worker now. */
    public void release(ConsumerRecord<String, byte[]> record) {
        acknowledge(record, AcknowledgeType.RELEASE);
    }

    /** The record is unreadable and dead-lettered: never deliver it again. */
    public void reject(ConsumerRecord<String, byte[]> record) {
        acknowledge(record, AcknowledgeType.REJECT);
    }

    private void acknowledge(ConsumerRecord<String, byte[]> record, AcknowledgeType type) {
        consumer.acknowledge(record, type);
        consumer.commitSync();
    }

    private static void pause(Duration timeout) {
        try {
            Thread.sleep(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** Makes a blocked {@link #take} throw {@link WakeupException}; safe from any thread. */
    public void wakeup() {
        KafkaShareConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
