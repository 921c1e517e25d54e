package dev.hpo.trainer.messaging;

import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code hpo.control}, hands each stop request to the worker, and remembers the stops by trial, so that a
 * trial stopped before this trainer took it (queued when its study stopped, or redelivered after its earlier taker
 * died or gave it back) is reported stopped, not trained again (docs/reliability.md, "A stop is final").
 *
 * <p>Every trainer must see every stop, including those published before it started, so it reads every partition
 * from the beginning, by assignment: no consumer group, nothing committed, no group join to wait for. The topic
 * keeps a stop as long as its retention ({@link #REMEMBERED}, 1 day), so a fresh trainer learns a day of stops, a
 * few hundred bytes each, and no more; a trial still queued a day after its stop is trained.
 */
public final class ControlListener implements Runnable, AutoCloseable, TrialStops {

    public static final String TOPIC = "hpo.control";
    /** How long a stop is remembered: {@code hpo.control}'s retention (the optimizer's TopicSetup, topics.yaml). */
    static final Duration REMEMBERED = Duration.ofDays(1);
    /** How long a lookup waits for this listener to read what was published before it. */
    static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ControlListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<String, String> stop;
    /** trialId to its stop, oldest first; guarded by itself. */
    private final LinkedHashMap<String, Stop> stops = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUps = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private record Stop(String reason, Instant at) {
    }

    /** A lookup waiting until this listener has read up to {@code ends}, the end offsets when it asked. */
    private record Waiting(Map<TopicPartition, Long> ends, CompletableFuture<Void> done) {
    }

    /** @param stop called with (trialId, reason) for every valid stop request, those read at start included */
    public ControlListener(Map<String, Object> kafkaConfig, String workerId, BiConsumer<String, String> stop) {
        Map<String, Object> config = ClientConfigs.withoutSerializers(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hpo-control-" + workerId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            // While Kafka refuses the trainer's credentials every poll would fail, and be logged, once a second.
            while (running && KafkaRefusal.current().isPresent()) {
                Thread.sleep(POLL.toMillis());
            }
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            List<Waiting> waiting = new ArrayList<>();
            while (running) {
                try {
                    for (CompletableFuture<Void> f = catchUps.poll(); f != null; f = catchUps.poll()) {
                        asked.add(f);
                    }
                    // The partitions again at each lookup: the topic may have been given more since.
                    if (consumer.assignment().isEmpty() || !asked.isEmpty()) {
                        assignEveryPartition();
                    }
                    if (!asked.isEmpty()) {
                        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
                        asked.forEach(f -> waiting.add(new Waiting(ends, f)));
                        asked.clear();
                    }
                    if (consumer.assignment().isEmpty()) {
                        Thread.sleep(POLL.toMillis()); // no hpo.control yet: nothing to read, nobody stopped
                    } else {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                            handle(r);
                        }
                    }
                    waiting.removeIf(this::caughtUp);
                } catch (WakeupException e) {
                    // close(), or a lookup asking to be served now: the loop condition tells which; what was
                    // asked stays in asked and waiting
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    private void assignEveryPartition() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(TOPIC)) {
            partitions.add(new TopicPartition(TOPIC, p.partition()));
        }
        List<TopicPartition> added = partitions.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        if (!added.isEmpty()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(added);
        }
    }

    private boolean caughtUp(Waiting w) {
        for (Map.Entry<TopicPartition, Long> end : w.ends().entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        w.done().complete(null);
        return true;
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        try {
            ControlMessage m = MessageCodec.decodeControl(r.value());
            String reason = m.reason() == null ? "stopped by the optimizer" : m.reason();
            remember(m.trialId(), reason, Instant.ofEpochMilli(r.timestamp()));
            stop.accept(m.trialId(), reason);
        } catch (InvalidMessageException e) {
            LOG.warnf("ignored an unreadable record on %s@%d: %s", TOPIC, r.offset(), e.getMessage());
        }
    }

    /** Keeps the first stop of a trial, and forgets those older than the topic keeps them. */
    private void remember(String trialId, String reason, Instant at) {
        Instant forgetBefore = Instant.now().minus(REMEMBERED);
        synchronized (stops) {
            stops.putIfAbsent(trialId, new Stop(reason, at));
            Iterator<Stop> oldest = stops.values().iterator();
            while (oldest.hasNext() && oldest.next().at().isBefore(forgetBefore)) {
                oldest.remove();
            }
        }
    }

    /**
     * Waits (at most {@link #CATCH_UP}) until this listener has read every stop published before the call, then
     * answers from the stops it knows; safe from any thread.
     */
    @Override
    public Optional<String> reasonFor(String trialId) {
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        catchUps.add(caughtUp);
        consumer.wakeup();
        try {
            caughtUp.get(CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("%s not read to its end within %d s; trial %s is judged on the stops read so far", TOPIC,
                    CATCH_UP.toSeconds(), trialId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stops) {
            return Optional.ofNullable(stops.get(trialId)).map(Stop::reason);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
