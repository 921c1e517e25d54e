package dev.hpo.trainer.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Names the work queue of a worker pool (topic and share group) and prepares the group's configuration. */
public final class ShareGroups {

    private ShareGroups() {
    }

    public static String topic(String pool) {
        return "hpo.trials." + pool;
    }

    /** One share group per pool: every idle worker of the pool competes for the next trial. */
    public static String forPool(String pool) {
        return "hpo-workers-" + pool;
    }

    /**
     * Makes the group start at the earliest offset; the broker default {@code latest} would skip every trial
     * published before the first worker joined (STACK.md).
     */
    public static void startAtEarliest(Map<String, Object> kafkaConfig, String group) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET));
        try (Admin admin = Admin.create(config)) {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot configure share group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring share group " + group, e);
        }
    }
}
