package dev.hpo.trainer.messaging;

import dev.hpo.common.message.TrialTopics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Names the work queue of a worker pool (topic and share group) and prepares the group's configuration. */
public final class ShareGroups {

    /** How often a trainer whose credentials Kafka refused asks again. */
    static final Duration AUTHENTICATION_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ShareGroups.class);

    private ShareGroups() {
    }

    public static String topic(String pool) {
        return TrialTopics.name(pool);
    }

    /** One share group per pool: every idle worker of the pool competes for the next trial. */
    public static String forPool(String pool) {
        return "hpo-workers-" + pool;
    }

    /**
     * Prepares the pool's work queue before the first worker subscribes: creates the trial topic with
     * {@link TrialTopics#PARTITIONS} partitions unless it exists (the share consumer's subscription would
     * otherwise auto-create it with the broker's default count), and makes the group start at the earliest
     * offset; the broker default {@code latest} would skip every trial published before the first worker joined
     * (STACK.md).
     *
     * <p>If Kafka refuses this trainer's credentials (SASL or TLS), it logs that once, as one line without the
     * credentials, sets {@link KafkaRefusal} and returns: a failed start-up would restart the trainer into the
     * same refusal over and over. The trainer then stays live and not ready, takes no trials, and asks again every
     * {@link #AUTHENTICATION_RETRY} on a background thread until Kafka accepts.
     */
    public static void prepare(Map<String, Object> kafkaConfig, String pool) {
        Map<String, Object> config = ClientConfigs.withoutSerializers(kafkaConfig);
        Optional<AuthenticationException> refusal = attempt(config, pool);
        if (refusal.isEmpty()) {
            return;
        }
        AuthenticationException e = refusal.get();
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        KafkaRefusal.set(reason);
        LOG.errorf("Kafka at %s refused this trainer's credentials (%s); the trainer takes no trials and is not ready "
                + "until Kafka accepts them, asking every %d s. Check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and the "
                + "TLS settings (docs/operations.md, \"Kafka security\")", config.get("bootstrap.servers"), reason,
                AUTHENTICATION_RETRY.toSeconds());
        Thread retry = new Thread(() -> retryUntilAccepted(config, pool), "kafka-credentials-retry");
        retry.setDaemon(true);
        retry.start();
    }

    private static void retryUntilAccepted(Map<String, Object> config, String pool) {
        try {
            do {
                Thread.sleep(AUTHENTICATION_RETRY.toMillis());
            } while (attempt(config, pool).isPresent());
            KafkaRefusal.clear();
            LOG.infof("Kafka accepted this trainer's credentials; share group %s prepared", forPool(pool));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.errorf("Kafka accepted this trainer's credentials, but %s", e.getMessage());
        }
    }

    /** Prepares the queue; returns Kafka's refusal of the credentials, if that is why it could not. */
    private static Optional<AuthenticationException> attempt(Map<String, Object> config, String pool) {
        String group = forPool(pool);
        try (Admin admin = Admin.create(config)) {
            createTopicAndStartAtEarliest(admin, pool);
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            if (e.getCause() instanceof AuthenticationException refusal) {
                return Optional.of(refusal);
            }
            throw new IllegalStateException("cannot prepare topic " + topic(pool) + " and share group " + group + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing share group " + group, e);
        }
    }

    private static void createTopicAndStartAtEarliest(Admin admin, String pool)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic(pool), Optional.of(TrialTopics.PARTITIONS),
                    Optional.empty()))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, forPool(pool));
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET));
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
    }
}
