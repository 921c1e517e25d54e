package dev.hpo.trainer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ResultMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what a worker reports: results to {@code hpo.results} (waiting for the broker's ack, since the trial
 * is acknowledged only after its result is safe), progress to {@code hpo.progress} (fire and forget), and
 * unreadable trials to {@code hpo.dlq} with the reason and the record's origin in headers. While Kafka refuses the
 * trainer's credentials ({@link KafkaRefusal}) the producer is not made: an idempotent producer asks the broker for
 * its id at once, and would retry, and log the refusal, every second.
 */
public final class WorkerPublisher implements AutoCloseable {

    public static final String RESULTS = "hpo.results";
    public static final String PROGRESS = "hpo.progress";
    public static final String DLQ = "hpo.dlq";
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final Map<String, Object> config;
    private KafkaProducer<String, byte[]> producer;
    private MeterRegistry registry;
    private KafkaClientMetrics metrics;

    public WorkerPublisher(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new java.util.HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.config = config;
        if (KafkaRefusal.current().isEmpty()) {
            producer();
        }
    }

    /**
     * Publishes the producer's Kafka client metrics ({@code kafka_producer_*}) in {@code registry}; those of a
     * producer not made yet once it is.
     */
    public synchronized void bindMetrics(MeterRegistry registry) {
        this.registry = registry;
        if (producer != null && metrics == null) {
            metrics = new KafkaClientMetrics(producer);
            metrics.bindTo(registry);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
            if (registry != null) {
                bindMetrics(registry);
            }
        }
        return producer;
    }

    /** Publishes a result and returns once the broker has it. */
    public void result(ResultMessage result) {
        try {
            producer().send(new ProducerRecord<>(RESULTS, result.studyId(), MessageCodec.encode(result)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the result of " + result.trialId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the result of " + result.trialId(), e);
        }
    }

    public void progress(ProgressMessage progress) {
        producer().send(new ProducerRecord<>(PROGRESS, progress.studyId(), MessageCodec.encode(progress)));
    }

    /** Sends an unreadable record to the dead-letter topic, with the headers SmallRye's DLQ strategy uses. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(DLQ, record.key(), record.value());
        dead.headers().add("dead-letter-reason", utf8(reason))
                .add("dead-letter-topic", utf8(record.topic()))
                .add("dead-letter-partition", utf8(Integer.toString(record.partition())))
                .add("dead-letter-offset", utf8(Long.toString(record.offset())));
        try {
            producer().send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
