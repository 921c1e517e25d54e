package dev.hpo.optimizer.recovery;

import dev.hpo.optimizer.messaging.KafkaCredentials;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which optimizer replica drives the studies: the one Kafka assigns the single partition of
 * {@code hpo.optimizer.lease} in consumer group {@code hpo-optimizer-lease}. Kafka's group membership is the
 * lease (heartbeats renew it; a replica that dies loses it after {@code session.timeout.ms}), so no store or
 * election library is needed. The holder rebuilds every study from Kafka ({@link StudyRecovery}) and then
 * drives them all; any other replica is a standby: not ready, refusing the API with 503 and ignoring results,
 * until the holder is gone. A holder that loses the partition while running (its session expired: a long
 * pause or a network split) halts at once, since another replica may already drive its studies.
 */
@ApplicationScoped
public class OptimizerLease {

    public static final String TOPIC = "hpo.optimizer.lease";
    public static final String GROUP = "hpo-optimizer-lease";
    /**
     * The lease itself: the topic's first partition. Only this one counts, so that a topic someone gave more
     * partitions still has one holder.
     */
    private static final TopicPartition LEASE = new TopicPartition(TOPIC, 0);
    private static final Logger LOG = Logger.getLogger(OptimizerLease.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** The exit status of a replica that lost its lease while it held studies. */
    private static final int FENCED = 75;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    StudyRecovery recovery;

    @ConfigProperty(name = "hpo.optimizer.replica-id")
    Optional<String> configuredId;

    @ConfigProperty(name = "hpo.optimizer.lease-session-timeout", defaultValue = "10s")
    Duration sessionTimeout;

    private final String replicaId = UUID.randomUUID().toString().substring(0, 8);
    /** Where this replica stands. */
    public enum State {
        /** Joining the lease group: whether it will hold the lease is not known yet. */
        JOINING,
        /** Holds the lease: recovers, then drives every study. */
        HOLDER,
        /** Another replica holds the lease. */
        STANDBY
    }

    private volatile State state = State.JOINING;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** Joins the lease group once Kafka accepted the optimizer's credentials, not before. */
    void start(@Observes KafkaCredentials.Accepted event) {
        Thread t = new Thread(this::run, "optimizer-lease");
        t.setDaemon(true);
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Whether this replica holds the lease and drives the studies. */
    public boolean held() {
        return state == State.HOLDER;
    }

    public State state() {
        return state;
    }

    /** This replica's name in logs and in the standby's answers: the configured one (the pod) and a random part. */
    public String replica() {
        return configuredId.map(id -> id + "-" + replicaId).orElse(replicaId);
    }

    private void run() {
        try {
            createTopic();
            Map<String, Object> config = TopicSetup.clientConfig(kafkaConfig);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "optimizer-lease-" + replica());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1000, sessionTimeout.toMillis() / 4));
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // Cooperative: a replica joining or leaving moves no partition but the one it takes or frees, so the
            // holder is never asked to give the lease up and take it back (the eager default revokes everything).
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            // Never let a subscription create the topic with the broker's default partition count.
            config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            consumer = new KafkaConsumer<>(config);
            consumer.subscribe(List.of(TOPIC), new Listener());
            LOG.infof("replica %s: waiting for the optimizer lease (%s)", replica(), GROUP);
            while (!closing) {
                consumer.poll(POLL);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "replica %s: the lease loop failed", replica());
            if (held()) {
                fence("the lease loop failed while holding the lease");
            }
        } finally {
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (c != null) {
                c.close(Duration.ofSeconds(5));
            }
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(LEASE) && !held()) {
                state = State.HOLDER;
                LOG.infof("replica %s holds the optimizer lease: recovering the studies", replica());
                recovery.start();
            } else if (state == State.JOINING) {
                state = State.STANDBY;
                LOG.infof("replica %s is a standby: another replica holds the optimizer lease", replica());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            lost(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            lost(partitions);
        }

        private void lost(Collection<TopicPartition> partitions) {
            if (held() && partitions.contains(LEASE) && !closing) {
                fence("lost the optimizer lease while holding it");
            }
        }
    }

    /** Another replica may drive the studies now: stop at once, without publishing anything more. */
    private void fence(String why) {
        LOG.errorf("replica %s %s: halting (exit %d) so that one replica drives the studies", replica(), why, FENCED);
        Runtime.getRuntime().halt(FENCED);
    }

    private void createTopic() {
        try (Admin admin = Admin.create(TopicSetup.clientConfig(kafkaConfig))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty())))
                    .all().get(60, TimeUnit.SECONDS);
            LOG.infof("created topic %s", TOPIC);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating " + TOPIC, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + TOPIC, e);
        }
    }
}
