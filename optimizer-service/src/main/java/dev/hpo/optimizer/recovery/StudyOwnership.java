package dev.hpo.optimizer.recovery;

import dev.hpo.optimizer.messaging.KafkaCredentials;
import dev.hpo.optimizer.messaging.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which studies this replica drives: those whose key (the study id) falls in a partition of {@code hpo.studies}
 * that Kafka assigns it in consumer group {@code hpo-optimizer}. Kafka's group membership is the whole protocol:
 * heartbeats keep a replica's partitions, a replica that dies loses them after the session timeout, and the
 * cooperative-sticky assignor moves only the partitions that must move when a replica comes or goes. A study lives
 * in the partition the producer's own partitioner puts its key in, so the studies, results and progress of one
 * study share a partition number on every study-keyed topic with the same partition count.
 *
 * <p>A partition assigned here is first RECOVERING: {@link StudyRecovery} rebuilds its studies from Kafka while
 * the results and progress that arrive for them are held back, then applied; then it is OWNED. A partition taken
 * away is released only after every trial issued for its studies has reached Kafka, so the replica that takes it
 * over reads them in its replay and never issues a trial number twice.
 */
@ApplicationScoped
public class StudyOwnership {

    public static final String GROUP = "hpo-optimizer";
    private static final String CLIENT_PREFIX = "hpo-optimizer-";
    private static final String URL_MARK = "@";
    private static final Logger LOG = Logger.getLogger(StudyOwnership.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REJOIN_PAUSE = Duration.ofSeconds(5);
    private static final Duration FIRST_ROUND_WAIT = Duration.ofSeconds(10);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    StudyRecovery recovery;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "hpo.optimizer.replica-id")
    Optional<String> configuredId;

    @ConfigProperty(name = "hpo.optimizer.session-timeout", defaultValue = "10s")
    Duration sessionTimeout;

    /** The partition count of the study-keyed topics when this replica creates them; a topic keeps its count. */
    @ConfigProperty(name = "hpo.optimizer.partitions", defaultValue = "12")
    int studyPartitions;

    /**
     * Where the other replicas reach this one's API, carried in its consumer's client id so that they find it in
     * the group's description: {@code HPO_ADVERTISED_URL}, on Kubernetes the pod's IP; by default this host's
     * loopback address and the HTTP port, which serves replicas on one machine.
     */
    @ConfigProperty(name = "hpo.optimizer.advertised-url")
    Optional<String> advertisedUrl;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    private final String randomId = UUID.randomUUID().toString().substring(0, 8);
    /** The group as Kafka last described it, for finding the owner of a partition; made on first use. */
    private final GroupView group = new GroupView();
    /** The partitions assigned here, each RECOVERING (with the input held back) or OWNED. */
    private final Map<Integer, AssignedPartition> assigned = new ConcurrentHashMap<>();
    /**
     * Issuing trials takes it shared; taking a partition away takes it exclusively, so that no trial of a study
     * being released is published after the release.
     */
    private final ReentrantReadWriteLock drive = new ReentrantReadWriteLock();
    /** Recoveries run one after another, off the consumer's thread, so that its heartbeats and polls go on. */
    private final ExecutorService recoveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "study-recovery");
        t.setDaemon(true);
        return t;
    });

    private volatile int partitions;
    private volatile boolean closing;
    /** Until the first partitions are assigned (or it is clear that none come): then the replica is ready. */
    private final java.util.concurrent.atomic.AtomicBoolean firstAssignment =
            new java.util.concurrent.atomic.AtomicBoolean(true);
    private volatile double recoverySeconds;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Counter handovers;

    /** Joins the group once Kafka accepted the optimizer's credentials, not before. */
    void start(@Observes KafkaCredentials.Accepted event) {
        handovers = Counter.builder("hpo.optimizer.handovers").description(
                "Partitions of hpo.studies this replica took over or gave up after its first assignment").register(registry);
        Gauge.builder("hpo.optimizer.partitions.owned", assigned, Map::size)
                .description("Partitions of hpo.studies assigned to this replica (recovering or owned)").register(registry);
        Gauge.builder("hpo.optimizer.partitions", this, o -> o.partitions)
                .description("Partitions of hpo.studies, the units of study ownership").register(registry);
        Gauge.builder("hpo.optimizer.recovery.seconds", this, o -> o.recoverySeconds)
                .description("How long the last recovery of assigned partitions took").register(registry);
        Thread t = new Thread(this::run, "study-ownership");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Lets every partition go before the consumer leaves the group: no trial is issued from now on, and those
     * issued are in Kafka before the replicas that take the partitions over replay them.
     */
    void stop(@Observes ShutdownEvent event) {
        closing = true;
        release(new TreeSet<>(assigned.keySet()), true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        recoveries.shutdownNow();
        group.close();
    }

    /** This replica's name in logs, trial headers and readiness data: the configured one (the pod), else random. */
    public String replica() {
        return configuredId.filter(id -> !id.isBlank()).orElse(randomId);
    }

    /** This replica's API, as the others reach it. */
    public String url() {
        return advertisedUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElse("http://127.0.0.1:" + httpPort);
    }

    /**
     * The API of the replica that Kafka assigned the study's partition to, as the group's description says (read
     * again at most every {@link GroupView#FRESH}); empty while the partition has no owner or the group cannot be
     * described, and for a study of this replica's.
     */
    public Optional<String> ownerUrl(String studyId) {
        int n = partitions;
        if (n == 0 || holds(studyId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(group.owners(false).get(partitionOf(studyId, n)))
                .or(() -> Optional.ofNullable(group.owners(true).get(partitionOf(studyId, n))))
                .filter(u -> !u.equals(url()));
    }

    /** The APIs of the other replicas in the group now. */
    public Set<String> peerUrls() {
        Set<String> urls = new TreeSet<>(group.owners(true).values());
        urls.remove(url());
        return urls;
    }

    /**
     * The members of group {@code hpo-optimizer} and their partitions, from {@code Admin.describeConsumerGroups}:
     * Kafka's own record of who owns what, so the replicas need no registry of their own.
     */
    private final class GroupView {

        static final Duration FRESH = Duration.ofSeconds(2);
        /** The least time between two descriptions, however soon one is asked for. */
        static final Duration AGAIN = Duration.ofMillis(200);
        private Admin admin;
        private Map<Integer, String> owners = Map.of();
        private long describedAt;

        /**
         * Partition -> API of its owner; described again if older than {@link #FRESH}, or {@code now} if older than
         * {@link #AGAIN}.
         */
        synchronized Map<Integer, String> owners(boolean now) {
            long at = System.nanoTime();
            if (at - describedAt < (now ? AGAIN : FRESH).toNanos()) {
                return owners;
            }
            describedAt = at;
            try {
                if (admin == null) {
                    admin = Admin.create(TopicSetup.clientConfig(kafkaConfig));
                }
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                        .get(5, TimeUnit.SECONDS);
                Map<Integer, String> found = new java.util.HashMap<>();
                for (MemberDescription m : d.members()) {
                    int mark = m.clientId().indexOf(URL_MARK);
                    if (!m.clientId().startsWith(CLIENT_PREFIX) || mark < 0) {
                        continue;
                    }
                    String memberUrl = m.clientId().substring(mark + URL_MARK.length());
                    m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.STUDIES))
                            .forEach(tp -> found.put(tp.partition(), memberUrl));
                }
                owners = Map.copyOf(found);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debugf("cannot describe group %s: %s", GROUP, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return owners;
        }

        synchronized void close() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    /** The partition count of {@code hpo.studies}; 0 until the replica joined the group. */
    public int partitions() {
        return partitions;
    }

    /** The partition of a study: where Kafka's own partitioner puts a record keyed by its id. */
    public static int partitionOf(String studyId, int partitions) {
        return BuiltInPartitioner.partitionForKey(studyId.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** The study's partition if it is assigned here, recovering or owned; null if not (or before joining). */
    private AssignedPartition assignedFor(String studyId) {
        int n = partitions;
        return n == 0 ? null : assigned.get(partitionOf(studyId, n));
    }

    /** Whether the study's partition is assigned here, recovering or owned. */
    public boolean holds(String studyId) {
        return assignedFor(studyId) != null;
    }

    /** Whether this replica owns the study's partition and has recovered it: it may create, stop and read it. */
    public boolean owns(String studyId) {
        AssignedPartition a = assignedFor(studyId);
        return a != null && a.owned();
    }

    /** The partitions owned and recovered here, in order. */
    public Set<Integer> ownedPartitions() {
        Set<Integer> owned = new TreeSet<>();
        assigned.forEach((p, a) -> {
            if (a.owned()) {
                owned.add(p);
            }
        });
        return owned;
    }

    /**
     * Whether input (a result, a progress event) of the study is to be applied now: yes if its partition is owned
     * here; if it is recovering, {@code later} is kept and run when the recovery ends, and the answer is no; if it
     * is another replica's, no.
     */
    public boolean admit(String studyId, Runnable later) {
        AssignedPartition a = assignedFor(studyId);
        return a != null && a.admit(later);
    }

    /**
     * Runs {@code issue} (which publishes the study's next trials) only while the study's partition is assigned
     * here, and so that releasing the partition waits for it.
     */
    public <T> Optional<T> whileHeld(String studyId, Supplier<T> issue) {
        drive.readLock().lock();
        try {
            return holds(studyId) ? Optional.ofNullable(issue.get()) : Optional.empty();
        } finally {
            drive.readLock().unlock();
        }
    }

    /**
     * Takes part in the group until the service stops. A failure of the consumer lets every partition go here (the
     * closed consumer leaves the group, so Kafka hands them on) and joins again after a pause.
     */
    private void run() {
        while (!closing) {
            try {
                session();
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.errorf(e, "replica %s: the ownership consumer failed; letting its partitions go and joining "
                        + "group %s again in %d s", replica(), GROUP, REJOIN_PAUSE.toSeconds());
                release(new TreeSet<>(assigned.keySet()), false);
                pause(REJOIN_PAUSE);
            }
        }
    }

    private void session() {
        Map<String, Object> config = TopicSetup.clientConfig(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_PREFIX + replica() + URL_MARK + url());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1000, sessionTimeout.toMillis() / 4));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Cooperative: a replica joining or leaving moves only the partitions it takes or frees; the eager
        // default would take every partition from every replica and hand them out again.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // The group is for ownership only: the records themselves are read by the recovery's replay.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        TopicSetup.ensure(kafkaConfig, List.of(recovery.defaultPool()), studyPartitions);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config)) {
            consumer = c;
            if (closing) {
                return;
            }
            int n = c.partitionsFor(Topics.STUDIES, Duration.ofSeconds(30)).size();
            if (n == 0) {
                throw new IllegalStateException(Topics.STUDIES + " has no partitions (it could not be created)");
            }
            partitions = n;
            c.subscribe(List.of(Topics.STUDIES), new Listener());
            LOG.infof("replica %s: joining group %s for the %d partitions of %s", replica(), GROUP, n, Topics.STUDIES);
            while (!closing) {
                c.poll(POLL);
            }
        } finally {
            consumer = null;
        }
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> added) {
            Set<Integer> numbers = numbers(added);
            if (numbers.isEmpty()) {
                if (firstAssignment.get()) {
                    // A replica that joins a group whose partitions are owned gets none in the first round: the
                    // owners give its share up, and the next round hands it over. It is ready then, or after
                    // FIRST_ROUND_WAIT if no round brings any (a replica beyond the partition count gets none).
                    CompletableFuture.delayedExecutor(FIRST_ROUND_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> {
                                if (firstAssignment.compareAndSet(true, false)) {
                                    LOG.infof("replica %s was assigned no partition of %s", replica(), Topics.STUDIES);
                                    recovery.ready();
                                }
                            });
                }
                return;
            }
            boolean first = firstAssignment.compareAndSet(true, false);
            if (!first) {
                handovers.increment(numbers.size());
            }
            numbers.forEach(p -> assigned.put(p, new AssignedPartition()));
            LOG.infof("replica %s assigned partitions %s of %s: recovering their studies", replica(), numbers,
                    Topics.STUDIES);
            recoveries.submit(() -> recover(numbers, first));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> taken) {
            release(numbers(taken), true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(numbers(lost), false);
        }
    }

    private void recover(Set<Integer> numbers, boolean first) {
        long start = System.nanoTime();
        try {
            recovery.recover(numbers, partitions);
        } finally {
            recoverySeconds = (System.nanoTime() - start) / 1e9;
            for (int p : numbers) {
                AssignedPartition a = assigned.get(p);
                if (a != null) {
                    a.recovered();
                }
            }
            // Partitions taken away again while they were recovering: let their studies go.
            Set<Integer> gone = new TreeSet<>(numbers);
            gone.removeAll(assigned.keySet());
            if (!gone.isEmpty()) {
                recovery.release(gone, partitions);
            }
            if (first) {
                recovery.ready();
            }
            LOG.infof("replica %s owns partitions %s of %s (%d in all); recovery took %.1f s", replica(), numbers,
                    Topics.STUDIES, assigned.size(), recoverySeconds);
        }
    }

    /**
     * Stops driving the studies of {@code numbers}: after this returns no trial of theirs is published here. On a
     * revocation (the replica is alive) it also waits until every trial already issued for them is in Kafka.
     */
    private void release(Set<Integer> numbers, boolean revoked) {
        Set<Integer> held = new TreeSet<>();
        drive.writeLock().lock();
        try {
            numbers.stream().filter(p -> assigned.remove(p) != null).forEach(held::add);
        } finally {
            drive.writeLock().unlock();
        }
        if (held.isEmpty()) {
            return;
        }
        handovers.increment(held.size());
        recovery.release(held, partitions);
        LOG.infof("replica %s %s partitions %s of %s", replica(), revoked ? "handed on" : "lost", held,
                Topics.STUDIES);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(Topics.STUDIES)).forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }
}
