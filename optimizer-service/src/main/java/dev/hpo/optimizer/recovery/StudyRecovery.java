package dev.hpo.optimizer.recovery;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.StudyEvent;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.study.InvalidSpecException;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.messaging.Topics;
import dev.hpo.optimizer.study.StudyService;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rebuilds the studies of the partitions {@link StudyOwnership} assigns this replica (the optimizer keeps no disk
 * state): the study log gives the specs and end states, the trial topics the configurations issued, the results
 * topic what became of them. Until the first recovery is done the study service holds incoming results back, so
 * none is dead-lettered as belonging to an unknown study.
 */
@ApplicationScoped
public class StudyRecovery {

    private static final Logger LOG = Logger.getLogger(StudyRecovery.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    StudyService studies;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "hpo.default-pool", defaultValue = "dl4j")
    String defaultPool;

    /**
     * Rebuilds and restarts the studies whose ids fall in {@code numbers}, of {@code partitions} partitions of
     * {@code hpo.studies}. A study-keyed topic with the same partition count is read only in those partitions.
     */
    void recover(Set<Integer> numbers, int partitions) {
        if (numbers.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            TopicReplay replay = new TopicReplay(kafkaConfig);
            IntFunction<IntPredicate> mine = count -> count == partitions ? numbers::contains : p -> true;
            Map<String, StudyEvent> events = new LinkedHashMap<>();
            replay.read(Topics.STUDIES, mine, r -> decode(r.value(), MessageCodec::decodeStudyEvent)
                    .filter(e -> numbers.contains(StudyOwnership.partitionOf(e.studyId(), partitions)))
                    .ifPresent(e -> events.merge(e.studyId(), e, (a, b) -> b.type() == StudyEvent.Type.CREATED ? a : b)));
            Map<String, List<TrialMessage>> trials = new LinkedHashMap<>();
            // Trials are keyed by trial id, so a study's trials lie in every partition of its pool's topic.
            events.values().stream().map(e -> e.spec().path("workerPool").asText("dl4j")).distinct()
                    .forEach(pool -> replay.readAll(Topics.trials(pool), r -> decode(r.value(), MessageCodec::decodeTrial)
                            .filter(t -> events.containsKey(t.studyId()))
                            .ifPresent(t -> trials.computeIfAbsent(t.studyId(), k -> new ArrayList<>()).add(t))));
            Map<String, List<StudyService.TimedResult>> results = new LinkedHashMap<>();
            replay.read(Topics.RESULTS, mine, r -> decode(r.value(), MessageCodec::decodeResult)
                    .filter(x -> events.containsKey(x.studyId()))
                    .ifPresent(x -> results.computeIfAbsent(x.studyId(), k -> new ArrayList<>())
                            .add(new StudyService.TimedResult(x, java.time.Instant.ofEpochMilli(r.timestamp())))));
            int restored = 0;
            for (StudyEvent e : events.values()) {
                try {
                    studies.restore(e, StudySpecParser.parse(e.spec()), trials.getOrDefault(e.studyId(), List.of()),
                            results.getOrDefault(e.studyId(), List.of()));
                    restored++;
                } catch (InvalidSpecException | IllegalArgumentException ex) {
                    LOG.errorf("cannot restore study %s: %s", e.studyId(), ex.getMessage());
                }
            }
            LOG.infof("recovered %d studies (%d trials, %d results) of partitions %s from Kafka in %d ms", restored,
                    trials.values().stream().mapToInt(List::size).sum(),
                    results.values().stream().mapToInt(List::size).sum(), numbers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException e) {
            LOG.errorf(e, "recovery of partitions %s failed; going on with the studies recovered so far", numbers);
        }
    }

    /** The worker pool of studies that name none, whose trial topic is created at start-up. */
    String defaultPool() {
        return defaultPool;
    }

    /** Forgets the studies of {@code numbers}: another replica drives them now. */
    void release(Set<Integer> numbers, int partitions) {
        studies.release(id -> numbers.contains(StudyOwnership.partitionOf(id, partitions)));
    }

    /** The first recovery is over: results may be folded in and the replica is ready. */
    void ready() {
        studies.ready();
    }

    private static <T> java.util.Optional<T> decode(byte[] value, java.util.function.Function<byte[], T> codec) {
        try {
            return java.util.Optional.of(codec.apply(value));
        } catch (InvalidMessageException e) {
            return java.util.Optional.empty();
        }
    }
}
