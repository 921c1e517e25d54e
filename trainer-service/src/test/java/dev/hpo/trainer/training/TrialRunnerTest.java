package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

class TrialRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An easy problem: well separated clusters, no label noise, 20% positives. */
    private static final String EASY = """
            {"dataset": {"rows": 600, "features": 8, "informative": 4, "redundant": 2, "positiveRate": 0.2,
                         "classSep": 2.0, "flipY": 0, "seed": 3},
             "split": {"validation": 0.25, "test": 0.2, "seed": 3},
             "classWeights": "balanced"}""";
    private static final Map<String, Object> SMALL_NET = Map.of("neurons1", 16, "neurons2", 8.0,
            "dropout_rate1", 0.1, "dropout_rate2", 0, "learning_rate", 0.01, "batch_size", 32, "epochs", 12);

    private final DatasetCache cache = new DatasetCache();
    private final TrialRunner runner = new TrialRunner(cache);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> result = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put((String) pairs[i], pairs[i + 1]);
        }
        return result;
    }

    @Test
    void aShortRunOnAnEasyProblemFindsMostPositives() {
        List<Integer> epochs = new ArrayList<>();
        TrialOutcome outcome = runner.run(new TrialRequest(SMALL_NET, json(EASY), 1),
                (epoch, metrics) -> {
                    epochs.add(epoch);
                    assertThat(metrics).containsKeys("train_loss", "val_loss", "val_recall", "val_precision",
                            "val_accuracy", "val_auc", "val_f1");
                }, () -> false);

        // A trivial majority-class classifier has recall 0 (and accuracy 0.8) here.
        assertThat(outcome.metrics().get("val_recall")).isGreaterThan(0.8);
        assertThat(outcome.metrics().get("val_auc")).isGreaterThan(0.9);
        assertThat(outcome.metrics().get("test_recall")).isGreaterThan(0.7);
        assertThat(outcome.metrics().values()).allMatch(Double::isFinite);
        assertThat(outcome.epochs()).isEqualTo(12);
        assertThat(epochs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(outcome.device()).isEqualTo("cpu");
        assertThat(outcome.stopped()).isFalse();
    }

    @Test
    void theSameRequestGivesTheSameMetricsAndAnotherSeedDifferentOnes() {
        Map<String, Object> params = with(SMALL_NET, "epochs", 3, "optimizer", "lion", "learning_rate", 0.001);

        TrialOutcome a = runner.run(new TrialRequest(params, json(EASY), 5), null, null);
        TrialOutcome b = new TrialRunner(new DatasetCache()).run(new TrialRequest(params, json(EASY), 5), null, null);
        TrialOutcome c = runner.run(new TrialRequest(params, json(EASY), 6), null, null);

        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(c.metrics().get("val_loss")).isNotEqualTo(a.metrics().get("val_loss"));
    }

    @Test
    void earlyStoppingEndsAfterPatienceAndRestoresTheBestEpochsWeights() {
        // Label noise, few rows and a large learning rate: validation loss soon rises again.
        String noisy = """
                {"dataset": {"rows": 300, "features": 20, "informative": 2, "redundant": 0, "positiveRate": 0.3,
                             "flipY": 0.4, "seed": 4},
                 "split": {"validation": 0.3, "test": 0},
                 "earlyStopping": {"monitor": "val_loss", "patience": 3}}""";
        Map<String, Object> params = with(SMALL_NET, "neurons1", 64, "neurons2", 64, "dropout_rate1", 0,
                "learning_rate", 0.05, "epochs", 60, "batch_size", 16);
        List<Double> valLoss = new ArrayList<>();

        TrialOutcome outcome = runner.run(new TrialRequest(params, json(noisy), 2),
                (epoch, metrics) -> valLoss.add(metrics.get("val_loss")), null);

        int best = 0;
        for (int i = 1; i < valLoss.size(); i++) {
            best = valLoss.get(i) < valLoss.get(best) ? i : best;
        }
        assertThat(outcome.epochs()).isLessThan(60).isEqualTo(valLoss.size()).isEqualTo(best + 1 + 3);
        assertThat(outcome.metrics().get("best_epoch")).isEqualTo(best + 1.0);
        // val_loss is measured again on the restored weights, so equality proves they are the best epoch's
        assertThat(outcome.metrics().get("val_loss")).isEqualTo(valLoss.get(best));
        assertThat(outcome.metrics()).doesNotContainKey("test_loss");
    }

    @Test
    void aStopRequestEndsTheTrialBetweenEpochs() {
        AtomicInteger seen = new AtomicInteger();

        TrialOutcome outcome = runner.run(new TrialRequest(SMALL_NET, json(EASY), 1),
                (epoch, metrics) -> seen.set(epoch), () -> seen.get() >= 2);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.epochs()).isEqualTo(2);
        assertThat(outcome.metrics()).containsKey("val_recall");
    }

    @Test
    void aStopRequestBeforeTheFirstEpochGivesNoMetrics() {
        TrialOutcome outcome = runner.run(new TrialRequest(SMALL_NET, json(EASY), 1), null, () -> true);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.epochs()).isZero();
        assertThat(outcome.metrics()).isEmpty();
    }

    @Test
    void consecutiveTrialsReuseThePreparedData() {
        runner.run(new TrialRequest(with(SMALL_NET, "epochs", 1), json(EASY), 1), null, null);
        runner.run(new TrialRequest(with(SMALL_NET, "epochs", 1, "optimizer", "sgd"), json(EASY), 2), null, null);

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void everyOptimizerTrainsToFiniteMetrics() {
        for (String optimizer : List.of("adam", "adamw", "nadam", "rmsprop", "sgd", "lion")) {
            TrialOutcome outcome = runner.run(new TrialRequest(with(SMALL_NET, "epochs", 2, "optimizer", optimizer,
                    "learning_rate", 0.001), json(EASY), 1), null, null);

            assertThat(outcome.metrics().values()).as(optimizer).allMatch(Double::isFinite);
            assertThat(outcome.metrics().get("train_loss")).as(optimizer).isBetween(0.0, 5.0);
        }
    }

    @Test
    void aDeclarativeTemplateWithBatchNormTrains() {
        String trainer = """
                {"dataset": {"rows": 600, "features": 8, "informative": 4, "redundant": 2, "positiveRate": 0.2,
                             "classSep": 2.0, "flipY": 0, "seed": 3},
                 "model": {"layers": [{"type": "dense", "units": "$width", "activation": "tanh"},
                                      {"type": "batchnorm"}, {"type": "dropout", "rate": "$drop"}, {"type": "output"}],
                           "defaults": {"drop": 0.1}}}""";

        TrialOutcome outcome = runner.run(new TrialRequest(Map.of("width", 12, "epochs", 4, "learning_rate", 0.01),
                json(trainer), 1), null, null);

        assertThat(outcome.epochs()).isEqualTo(4);
        assertThat(outcome.metrics().get("val_auc")).isGreaterThan(0.8);
    }

    @Test
    void executionsAreAveragedOverConsecutiveSeeds() {
        Map<String, Object> params = with(SMALL_NET, "epochs", 2);
        String twice = EASY.replace("\"classWeights\"", "\"executionsPerTrial\": 2, \"classWeights\"");
        List<String> epochs = new ArrayList<>();

        TrialOutcome averaged = runner.run(new TrialRequest(params, json(twice), 7),
                (epoch, metrics) -> epochs.add(epoch + "/" + metrics.get("execution")), null);

        TrialOutcome first = runner.run(new TrialRequest(params, json(EASY), 7), null, null);
        TrialOutcome second = runner.run(new TrialRequest(params, json(EASY), 8), null, null);
        assertThat(averaged.metrics().get("val_loss"))
                .isCloseTo((first.metrics().get("val_loss") + second.metrics().get("val_loss")) / 2, within(1e-12));
        assertThat(averaged.epochs()).isEqualTo(4);
        assertThat(epochs).containsExactly("1/1.0", "2/1.0", "3/2.0", "4/2.0");
    }

    @Test
    void aRefitTrainsOnDevelopmentRowsAndReturnsASavableModel(@TempDir Path dir) throws IOException {
        String refit = EASY.replace("\"classWeights\"", "\"refit\": true, \"earlyStopping\": {\"patience\": 0},"
                + " \"classWeights\"");

        TrialOutcome outcome = runner.run(new TrialRequest(with(SMALL_NET, "epochs", 3), json(refit), 1), null, null);

        // early stopping has no validation rows to watch in a refit, so all 3 epochs run despite patience 0
        assertThat(outcome.epochs()).isEqualTo(3);
        assertThat(outcome.metrics()).containsKeys("train_loss", "dev_recall", "dev_auc", "test_recall", "test_auc")
                .doesNotContainKeys("val_recall", "best_epoch");
        Path file = dir.resolve("model.zip");
        outcome.model().save(file);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile());
        NormalizerStandardize normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
        assertThat(restored.params()).isEqualTo(outcome.model().network().params());
        assertThat(normalizer.getMean().toDoubleVector())
                .containsExactly(outcome.model().scaler().mean(), within(1e-5));
    }

    @Test
    void aDivergingTrialFailsWithAHintInsteadOfReportingNaN() {
        Map<String, Object> params = with(SMALL_NET, "optimizer", "sgd", "learning_rate", 1e30, "epochs", 3);

        assertThatThrownBy(() -> runner.run(new TrialRequest(params, json(EASY), 1), null, null))
                .isInstanceOf(TrialException.class)
                .hasMessageStartingWith("training diverged in epoch 1")
                .hasMessageEndingWith("a smaller learning_rate may help");
    }

    @Test
    void badRequestsFailWithTheFieldNamed() {
        assertThatThrownBy(() -> runner.run(new TrialRequest(with(SMALL_NET, "optimizer", "foo"), json(EASY), 1),
                null, null))
                .isInstanceOf(TrialException.class)
                .hasMessage("optimizer (foo) must be one of adam, adamw, lion, nadam, rmsprop, sgd");
        assertThatThrownBy(() -> runner.run(new TrialRequest(with(SMALL_NET, "neurons1", 40.5), json(EASY), 1),
                null, null)).hasMessage("neurons1 (40.5) must be an integer");
        assertThatThrownBy(() -> runner.run(new TrialRequest(with(SMALL_NET, "batch_size", 0), json(EASY), 1),
                null, null)).hasMessage("batch_size (0) must be between 1 and 65536");
        assertThatThrownBy(() -> runner.run(new TrialRequest(with(SMALL_NET, "neuron3", 4), json(EASY), 1),
                null, null)).hasMessageStartingWith("parameter neuron3 (4) is not used by this trainer");
        assertThatThrownBy(() -> runner.run(new TrialRequest(SMALL_NET, json("{\"dataset\": {\"rows\": 5}}"), 1),
                null, null)).hasMessageContaining("trainer.dataset.rows (5)");
    }
}
