package dev.hpo.localkafka;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Sets the dynamic configs of a share group (KIP-932) through the Admin API. */
public final class ShareGroupConfig {

    /**
     * Where a new share group starts reading; the broker default {@code latest} skips every record
     * published before the group existed.
     */
    public static final String AUTO_OFFSET_RESET = "share.auto.offset.reset";
    /**
     * How long a delivered record stays locked to its consumer, bounded by the broker's
     * {@code group.share.min.record.lock.duration.ms} and {@code group.share.max.record.lock.duration.ms}.
     */
    public static final String RECORD_LOCK_DURATION_MS = "share.record.lock.duration.ms";

    private static final long TIMEOUT_SECONDS = 30;

    private ShareGroupConfig() {
    }

    /** Sets {@code configs} on share group {@code groupId}, which need not exist yet, through a new Admin client. */
    public static void apply(String bootstrapServers, String groupId, Map<String, String> configs) {
        apply(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), groupId, configs);
    }

    /**
     * Sets {@code configs} on share group {@code groupId} through a new Admin client made from
     * {@code clientProperties} (bootstrap servers and security, as {@link LocalKafka#clientProperties()}).
     */
    public static void apply(Map<String, String> clientProperties, String groupId, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.<String, Object>copyOf(clientProperties))) {
            apply(admin, groupId, configs);
        }
    }

    /** Sets {@code configs} on share group {@code groupId}, which need not exist yet. */
    public static void apply(Admin admin, String groupId, Map<String, String> configs) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        Collection<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(group, ops)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot set " + configs + " on share group " + groupId + ": "
                    + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring share group " + groupId, e);
        }
    }
}
