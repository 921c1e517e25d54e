package dev.hpo.optimizer.study;

import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StudyHistory;
import dev.hpo.optimizer.strategy.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StudyPruningTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    /** A study of four trials in flight whose strategy proposes x = 0, 1, 2, ... (trial n has x = n). */
    private static Study study(String direction, String earlyStopping) {
        StudySpec spec = StudySpecParser.parse("""
                name: pruning
                objective: {metric: val_recall, direction: %s}
                strategy: {type: random, seed: 1}
                budget: {maxTrials: 8, parallelism: 4}
                searchSpace:
                  x: {type: int, min: 0, max: 100}
                %s
                """.formatted(direction, earlyStopping));
        List<Integer> next = new ArrayList<>(List.of(0));
        Study study = new Study("s", spec, (history, count) -> IntStream.range(0, count)
                .mapToObj(i -> Map.<String, Object>of("x", next.set(0, next.get(0) + 1))).toList(), NOW);
        study.issue(NOW);
        IntStream.range(0, 4).forEach(n -> study.running(Study.trialId("s", n), "w", 1, NOW));
        return study;
    }

    private static void epochs(Study study, int number, double... recalls) {
        for (int e = 1; e <= recalls.length; e++) {
            study.epoch(Study.trialId("s", number), e, Map.of("val_recall", recalls[e - 1], "val_loss", 0.3));
        }
    }

    private static void end(Study study, int number, TrialStatus status, double recall) {
        study.apply(ResultMessage.of("s", Study.trialId("s", number), 1, status, Map.of("val_recall", recall), 2,
                100, "w", "cpu", null), NOW);
    }

    /** Trials 0 and 1 completed after two epochs at 0.8 and 0.9; trial 2 reported two epochs at 0.3. */
    private static Study twoCompletedAndAPoorThird(String earlyStopping) {
        Study study = study("maximize", earlyStopping);
        epochs(study, 0, 0.8, 0.8);
        end(study, 0, TrialStatus.COMPLETED, 0.8);
        epochs(study, 1, 0.9, 0.9);
        end(study, 1, TrialStatus.COMPLETED, 0.9);
        epochs(study, 2, 0.3, 0.3);
        return study;
    }

    @Test
    void asksToStopAPoorTrialOnceThoughItsEpochsAreRedeliveredAndNeverOnceItEnded() {
        Study study = twoCompletedAndAPoorThird("earlyStopping: {type: median, minEpochs: 2, minTrials: 2}");

        assertThat(study.prune(Study.trialId("s", 2))).hasValueSatisfying(
                reason -> assertThat(reason).contains("0.3000").contains("0.8500, the median of 2"));
        epochs(study, 2, 0.3, 0.3);
        assertThat(study.prune(Study.trialId("s", 2))).isEmpty();
        assertThat(study.trial(Study.trialId("s", 2)).orElseThrow().stopRequested()).contains("median");

        epochs(study, 3, 0.2, 0.2);
        end(study, 3, TrialStatus.COMPLETED, 0.2);
        assertThat(study.epoch(Study.trialId("s", 3), 2, Map.of("val_recall", 0.2))).isFalse();
        assertThat(study.prune(Study.trialId("s", 3))).isEmpty();
    }

    @Test
    void theMedianRuleJudgesAGreedyTrialFromItsThirdEpoch() {
        StudySpec spec = StudySpecParser.parse("""
                name: pruning
                objective: {metric: val_recall, direction: maximize}
                strategy: {type: random, seed: 1}
                budget: {maxTrials: 4, parallelism: 4}
                searchSpace:
                  x: {type: int, min: 0, max: 100}
                earlyStopping: {type: median, minTrials: 2}
                """);
        // Trial n has x = n; trial 2 is the greedy one.
        Study study = new Study("s", spec, new Strategy() {
            @Override
            public List<Map<String, Object>> suggest(StudyHistory history, int count) {
                return propose(history, count).stream().map(Suggestion::params).toList();
            }

            @Override
            public List<Suggestion> propose(StudyHistory history, int count) {
                return IntStream.range(0, count).mapToObj(n -> new Suggestion(Map.of("x", n), n == 2)).toList();
            }
        }, NOW);
        study.issue(NOW);
        IntStream.range(0, 4).forEach(n -> study.running(Study.trialId("s", n), "w", 1, NOW));
        epochs(study, 0, 0.8, 0.8, 0.8);
        end(study, 0, TrialStatus.COMPLETED, 0.8);
        epochs(study, 1, 0.9, 0.9, 0.9);
        end(study, 1, TrialStatus.COMPLETED, 0.9);

        epochs(study, 2, 0.3);
        epochs(study, 3, 0.3);
        assertThat(study.trial(Study.trialId("s", 2)).orElseThrow().greedy()).isTrue();
        assertThat(study.prune(Study.trialId("s", 2))).isEmpty();
        assertThat(study.prune(Study.trialId("s", 3))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("by epoch 1"));
        epochs(study, 2, 0.3, 0.3);
        assertThat(study.prune(Study.trialId("s", 2))).isEmpty();
        epochs(study, 2, 0.3, 0.3, 0.3);
        assertThat(study.prune(Study.trialId("s", 2))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("by epoch 3"));
    }

    @Test
    void aStudyWithoutEarlyStoppingStopsNothing() {
        Study study = twoCompletedAndAPoorThird("");

        assertThat(study.prune(Study.trialId("s", 2))).isEmpty();
    }

    @Test
    void prunedTrialsEnterTheSurrogateNoBetterThanTheWorstCompletedTrial() {
        Study study = study("maximize", "earlyStopping: {type: asha}");
        end(study, 0, TrialStatus.COMPLETED, 0.8);
        end(study, 1, TrialStatus.COMPLETED, 0.9);
        end(study, 2, TrialStatus.PRUNED, 0.95);
        end(study, 3, TrialStatus.PRUNED, 0.5);

        StudyHistory h = study.history();
        assertThat(h.completed()).extracting(o -> o.params().get("x"), Observation::value)
                .containsExactly(tuple(0, 0.8), tuple(1, 0.9),
                        tuple(2, 0.8), tuple(3, 0.5));
        assertThat(h.failed()).isEmpty();
    }

    @Test
    void whenMinimizingAPrunedTrialIsNoLowerThanTheWorstCompletedOne() {
        Study study = study("minimize", "earlyStopping: {type: median}");
        end(study, 0, TrialStatus.COMPLETED, 0.2);
        end(study, 1, TrialStatus.COMPLETED, 0.4);
        end(study, 2, TrialStatus.PRUNED, 0.1);

        assertThat(study.history().completed()).extracting(Observation::value).containsExactly(0.2, 0.4, 0.4);
    }

    @Test
    void prunedTrialsBeforeAnyCompletedOneCountAsFailed() {
        Study study = study("maximize", "earlyStopping: {type: median}");
        end(study, 0, TrialStatus.PRUNED, 0.7);
        end(study, 1, TrialStatus.FAILED, 0.0);

        StudyHistory h = study.history();
        assertThat(h.completed()).isEmpty();
        assertThat(h.failed()).containsExactlyInAnyOrder(Map.of("x", 0), Map.of("x", 1));
        assertThat(study.best()).isEmpty();
    }
}
