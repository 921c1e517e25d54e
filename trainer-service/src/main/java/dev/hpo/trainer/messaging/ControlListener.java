package dev.hpo.trainer.messaging;

import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code hpo.control} and hands each stop request to the worker. Every trainer must see every control
 * message, so each has its own consumer group; it starts at the latest offset, since a stop for a trial that
 * is not running here is of no use.
 */
public final class ControlListener implements Runnable, AutoCloseable {

    public static final String TOPIC = "hpo.control";
    private static final Logger LOG = Logger.getLogger(ControlListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<String, String> stop;
    private volatile boolean running = true;

    /** @param stop called with (trialId, reason) for every valid stop request */
    public ControlListener(Map<String, Object> kafkaConfig, String workerId, BiConsumer<String, String> stop) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hpo-control-" + workerId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
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
            consumer.subscribe(List.of(TOPIC));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("control listener woken up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        try {
            ControlMessage m = MessageCodec.decodeControl(r.value());
            stop.accept(m.trialId(), m.reason() == null ? "stopped by the optimizer" : m.reason());
        } catch (InvalidMessageException e) {
            LOG.warnf("ignored an unreadable record on %s@%d: %s", TOPIC, r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
