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

    /**
     * A topic as the optimizer wants it.
     *
     * @param partitions a fixed count (a topic that must have exactly that many), or empty for the broker default
     */
    record Spec(String name, Optional<Integer> partitions, Map<String, String> configs) {
    }

    /**
     * The topics and their configs; {@code pools} are the worker pools whose trial topics to create, and
     * {@code studyPartitions} the partition count of the study-keyed topics at their creation (the units of study
     * ownership, {@link StudyOwnership}; an existing topic keeps its count).
     */
    static List<Spec> topics(List<String> pools, int studyPartitions) {
        Optional<Integer> byStudy = Optional.of(studyPartitions);
        List<Spec> topics = new ArrayList<>(List.of(
                new Spec(Topics.STUDIES, byStudy, Map.of("cleanup.policy", "compact")),
                new Spec(Topics.RESULTS, byStudy, KEEP_ALL),
                new Spec(Topics.PROGRESS, byStudy,
                        Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(7)))),
                new Spec(Topics.CONTROL, Optional.empty(),
                        Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(1)))),
                new Spec(Topics.DLQ, Optional.empty(),
                        Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(30))))));
        pools.forEach(p -> topics.add(trialTopic(p)));
        return topics;
    }

    private static Spec trialTopic(String pool) {
        return new Spec(Topics.trials(pool), Optional.of(TrialTopics.PARTITIONS), KEEP_ALL);
    }

    /** Creates (or re-configures) every topic, and the trial topics of {@code pools}. */
    public static void ensure(Map<String, Object> kafkaConfig, List<String> pools, int studyPartitions) {
        create(kafkaConfig, topics(pools, studyPartitions));
    }

    /** Creates (or re-configures) the trial topic of {@code pool} alone. */
    public static void ensureTrialTopic(Map<String, Object> kafkaConfig, String pool) {
        create(kafkaConfig, List.of(trialTopic(pool)));
    }

    /** The client config of {@code kafkaConfig} without the channels' serializers, for Admin and plain clients. */
    public static Map<String, Object> clientConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        return config;
    }

    /**
     * Creates the topics that do not exist and sets their configs on those that do (a topic created earlier by a
     * client's auto-creation has the broker defaults); warns of a topic with more partitions than its spec fixes.
     */
    private static void create(Map<String, Object> kafkaConfig, List<Spec> topics) {
        try (Admin admin = Admin.create(clientConfig(kafkaConfig))) {
            Map<String, Spec> byName = new HashMap<>();
            topics.forEach(t -> byName.put(t.name(), t));
            Map<ConfigResource, Collection<AlterConfigOp>> existing = new HashMap<>();
            admin.createTopics(topics.stream()
                            .map(t -> new NewTopic(t.name(), t.partitions(), Optional.empty()).configs(t.configs()))
                            .toList())
                    .values().forEach((name, future) -> {
                        try {
                            future.get(30, TimeUnit.SECONDS);
                            LOG.infof("created topic %s", name);
                        } catch (ExecutionException e) {
                            if (e.getCause() instanceof TopicExistsException) {
                                existing.put(new ConfigResource(ConfigResource.Type.TOPIC, name),
                                        ops(byName.get(name).configs()));
                            } else {
                                LOG.warnf("could not create topic %s: %s", name, e.getCause());
                            }
                        } catch (TimeoutException e) {
                            LOG.warnf("timed out creating topic %s", name);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            admin.incrementalAlterConfigs(existing).all().get(30, TimeUnit.SECONDS);
            warnIfMorePartitions(admin, topics.stream()
                    .filter(t -> t.partitions().isPresent() && t.name().startsWith(Topics.trials(""))).toList());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not configure or describe the existing topics: %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Partitions cannot be taken away: say what an existing topic with more partitions than it should have costs
     * (for a trial topic: while a pool has fewer trainers than partitions, Kafka gives each partition to one
     * trainer), and the way out.
     */
    private static void warnIfMorePartitions(Admin admin, List<Spec> fixed)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, Integer> wanted = new HashMap<>();
        fixed.forEach(t -> wanted.put(t.name(), t.partitions().orElseThrow()));
        admin.describeTopics(wanted.keySet()).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) -> {
            int partitions = description.partitions().size();
            if (partitions > wanted.get(name)) {
                LOG.warnf("topic %s has %d partitions where %d are wanted: for a trial topic, while a pool has fewer "
                        + "trainers than partitions, Kafka gives each partition to one trainer and its trials wait "
                        + "for that trainer while others idle; recreate the topic when no study runs", name,
                        partitions, wanted.get(name));
            }
        });
    }

    private static Collection<AlterConfigOp> ops(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
    }
}
