package dev.hpo.optimizer.recovery;

import dev.hpo.common.message.TrialTopics;
import dev.hpo.optimizer.messaging.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Collection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the topics the recovery design needs, with their retention, unless they exist (in Kubernetes the
 * Strimzi KafkaTopic resources create them first): results and trials keep every record, since a replay reads
 * them all; the study log is compacted, since every study event carries the full spec.
 * A trial topic has {@link TrialTopics#PARTITIONS} partitions (the trainers create it the same way when they
 * start first).
 */
public final class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);
    private static final Map<String, String> KEEP_ALL = Map.of("retention.ms", "-1", "cleanup.policy", "delete");

    private TopicSetup() {
    }

    /** The topics and their configs; {@code pools} are the worker pools whose trial topics to create. */
    static Map<String, Map<String, String>> topics(List<String> pools) {
        Map<String, Map<String, String>> topics = new HashMap<>();
        topics.put(Topics.STUDIES, Map.of("cleanup.policy", "compact"));
        topics.put(Topics.RESULTS, KEEP_ALL);
        topics.put(Topics.PROGRESS, Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(7))));
        topics.put(Topics.CONTROL, Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(1))));
        topics.put(Topics.DLQ, Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(30))));
        pools.forEach(p -> topics.put(Topics.trials(p), KEEP_ALL));
        return topics;
    }

    /** Creates (or re-configures) every topic, and the trial topics of {@code pools}. */
    public static void ensure(Map<String, Object> kafkaConfig, List<String> pools) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = new ArrayList<>();
            List<String> trialTopics = pools.stream().map(Topics::trials).toList();
            topics(pools).forEach((name, configs) -> topics.add(new NewTopic(name,
                    trialTopics.contains(name) ? Optional.of(TrialTopics.PARTITIONS) : Optional.empty(), Optional.empty())
                    .configs(configs)));
            Map<ConfigResource, Collection<AlterConfigOp>> existing = new HashMap<>();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", name);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        existing.put(new ConfigResource(ConfigResource.Type.TOPIC, name), ops(topics(pools).get(name)));
                    } else {
                        LOG.warnf("could not create topic %s: %s", name, e.getCause());
                    }
                } catch (TimeoutException e) {
                    LOG.warnf("timed out creating topic %s", name);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // A topic created earlier by a client's auto-creation has the broker defaults: set ours on it.
            admin.incrementalAlterConfigs(existing).all().get(30, TimeUnit.SECONDS);
            warnIfShared(admin, trialTopics);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not configure or describe the existing topics: %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Partitions cannot be taken away: say what a trial topic with several costs, and the way out. */
    private static void warnIfShared(Admin admin, List<String> trialTopics)
            throws ExecutionException, TimeoutException, InterruptedException {
        admin.describeTopics(trialTopics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) -> {
            int partitions = description.partitions().size();
            if (partitions > TrialTopics.PARTITIONS) {
                LOG.warnf("topic %s has %d partitions: while a pool has fewer trainers than that, Kafka gives each "
                        + "partition to one trainer and its trials wait for that trainer while others idle; "
                        + "recreate the topic with %d partition when no study runs", name, partitions,
                        TrialTopics.PARTITIONS);
            }
        });
    }

    private static Collection<AlterConfigOp> ops(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
    }
}
