package dev.hpo.trainer.messaging;

import dev.hpo.common.message.TrialTopics;

import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.TopicExistsException;

/** Names the work queue of a worker pool (topic and share group) and prepares the group's configuration. */
public final class ShareGroups {

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
     */
    public static void prepare(Map<String, Object> kafkaConfig, String pool) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        String group = forPool(pool);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET));
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic(pool), Optional.of(TrialTopics.PARTITIONS),
                        Optional.empty()))).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot prepare topic " + topic(pool) + " and share group " + group + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing share group " + group, e);
        }
    }
}
