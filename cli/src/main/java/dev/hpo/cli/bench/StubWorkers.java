package dev.hpo.cli.bench;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A pool of stub workers in this process: share consumers of a pool's trial topic in the pool's share group, each
 * taking one trial at a time as a trainer does (docs/protocol.md), publishing {@code RUNNING}, the Branin value of
 * the trial's parameters as its result, and only then accepting the trial.
 *
 * <p>One thread per consumer, each blocked in {@code poll}: a share consumer is not thread-safe, and several on
 * one thread would have to be polled without waiting, a busy loop that takes CPU from the optimizer on a small
 * machine and delays each pick-up by a round over the others.
 */
final class StubWorkers implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaShareConsumer<String, byte[]>> consumers = new ArrayList<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String failure;
    private volatile boolean running = true;

    /** A pool that reaches the broker with {@code clientProperties} and serves {@code topic} in {@code group}. */
    StubWorkers(Map<String, String> clientProperties, String group, String topic) {
        Map<String, Object> consumer = new HashMap<>(clientProperties);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // As the trainers' TrialQueue: one trial per worker, acknowledged explicitly (STACK.md, "Share groups").
        consumer.put("share.acknowledgement.mode", "explicit");
        consumer.put("share.acquire.mode", "record_limit");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.consumerConfig = consumer;
        this.topic = topic;
        Map<String, Object> producerConfig = new HashMap<>(clientProperties);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(producerConfig);
    }

    /** Starts {@code count} workers, named {@code stub-1} and up. */
    synchronized void start(int count) {
        for (int i = 1; i <= count; i++) {
            KafkaShareConsumer<String, byte[]> consumer = new KafkaShareConsumer<>(consumerConfig);
            consumer.subscribe(List.of(topic));
            consumers.add(consumer);
            String name = "stub-" + i;
            Thread thread = new Thread(() -> serve(consumer, name), name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(KafkaShareConsumer<String, byte[]> consumer, String name) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    long start = System.nanoTime();
                    taken.incrementAndGet();
                    consumer.acknowledge(r, evaluate(r, name));
                    consumer.commitSync();
                    busyNanos.addAndGet(System.nanoTime() - start);
                }
            }
        } catch (WakeupException e) {
            // close(): the pool stops.
        } catch (KafkaException e) {
            failed.incrementAndGet();
            failure = name + ": " + e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Publishes {@code RUNNING} and the result; returns how to acknowledge the trial. */
    private AcknowledgeType evaluate(ConsumerRecord<String, byte[]> record, String name) {
        TrialMessage trial;
        try {
            trial = MessageCodec.decodeTrial(record.value());
        } catch (InvalidMessageException e) {
            unreadable.incrementAndGet();
            return AcknowledgeType.REJECT;
        }
        producer.send(new ProducerRecord<>(StubTopics.PROGRESS, trial.studyId(), MessageCodec.encode(
                ProgressMessage.running(trial.studyId(), trial.trialId(), trial.attempt(), name, Instant.now()))));
        long start = System.nanoTime();
        ResultMessage result;
        try {
            double value = Branin.at(trial.params());
            result = ResultMessage.of(trial.studyId(), trial.trialId(), trial.attempt(), TrialStatus.COMPLETED,
                    Map.of(trial.objective().metric(), value), 0, elapsedMillis(start), name, "cpu", null);
        } catch (IllegalArgumentException e) {
            result = ResultMessage.of(trial.studyId(), trial.trialId(), trial.attempt(), TrialStatus.FAILED, Map.of(),
                    0, elapsedMillis(start), name, "cpu", e.getMessage());
        }
        try {
            producer.send(new ProducerRecord<>(StubTopics.RESULTS, trial.studyId(), MessageCodec.encode(result)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Not safe on the broker: give the trial back, as a trainer that cannot publish does.
            return AcknowledgeType.RELEASE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AcknowledgeType.RELEASE;
        }
        if (result.status() == TrialStatus.COMPLETED) {
            completed.incrementAndGet();
        }
        return AcknowledgeType.ACCEPT;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Trials taken so far (redeliveries included). */
    long taken() {
        return taken.get();
    }

    /** Results published as {@code COMPLETED} so far. */
    long completed() {
        return completed.get();
    }

    /** Trial records that were not {@code hpo.trial/v1} and were rejected. */
    long unreadable() {
        return unreadable.get();
    }

    /** Workers that stopped on a Kafka error, e.g. a full share group. */
    long failed() {
        return failed.get();
    }

    /** The last such error, or null. */
    String failure() {
        return failure;
    }

    /** The workers' summed time between taking a trial and acknowledging it. */
    Duration busy() {
        return Duration.ofNanos(busyNanos.get());
    }

    /** Stops every worker (a trial held is released by its consumer's close) and the producer. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumers.forEach(KafkaShareConsumer::wakeup);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
