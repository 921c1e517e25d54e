package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.trainer.data.CsvSpec;
import dev.hpo.trainer.data.SplitSpec;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainerSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrainerSection parse(String json) throws Exception {
        return TrainerSection.parse(JSON.readTree(json));
    }

    @Test
    void theReferenceSectionIsRead() throws Exception {
        TrainerSection section = parse("""
                {"dataset": {"type": "synthetic-fraud", "rows": 10000, "features": 30, "positiveRate": 0.1, "seed": 7},
                 "model": "fraud-mlp",
                 "split": {"validation": 0.2, "test": 0.2, "stratified": true, "seed": 7},
                 "earlyStopping": {"monitor": "val_loss", "patience": 10},
                 "classWeights": "balanced"}""");

        assertThat(section.dataset()).isEqualTo(SyntheticFraudSpec.of(10_000, 30, 0.1, 7));
        assertThat(section.split()).isEqualTo(new SplitSpec(0.2, 0.2, true, 7));
        assertThat(section.earlyStopping()).isEqualTo(new EarlyStopping("val_loss", 10, 0, true));
        assertThat(section.classWeights()).isEqualTo(ClassWeights.BALANCED);
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        TrainerSection section = TrainerSection.parse(null);

        assertThat(section.dataset()).isEqualTo(SyntheticFraudSpec.of(10_000, 30, 0.1, 7));
        assertThat(section.split()).isEqualTo(new SplitSpec(0.2, 0.2, true, 7));
        assertThat(section.earlyStopping()).isNull();
        assertThat(section.classWeights()).isEqualTo(ClassWeights.NONE);
        assertThat(section.executions()).isEqualTo(1);
        assertThat(section.refit()).isFalse();
    }

    @Test
    void theOptimizersAdditionsAreRead() throws Exception {
        TrainerSection section = parse("{\"seed\": 12345, \"executionsPerTrial\": 3, \"refit\": true}");

        assertThat(section.executions()).isEqualTo(3);
        assertThat(section.refit()).isTrue();
        assertThatThrownBy(() -> parse("{\"refit\": true, \"split\": {\"test\": 0}}"))
                .hasMessage("trainer.refit needs a test part to evaluate on: trainer.split.test (0.0) must be > 0");
        assertThatThrownBy(() -> parse("{\"executionsPerTrial\": 0}"))
                .hasMessage("trainer.executionsPerTrial (0) must be between 1 and 100");
    }

    @Test
    void csvDatasetsAndFixedClassWeightsAreRead() throws Exception {
        TrainerSection section = parse("""
                {"dataset": {"type": "csv", "path": "data/x.csv", "label": "fraud"},
                 "classWeights": {"0": 1, "1": 4.5}, "earlyStopping": {}, "seed": 3}""");

        assertThat(section.dataset()).isEqualTo(new CsvSpec(Path.of("data/x.csv"), "fraud"));
        assertThat(section.classWeights()).isEqualTo(new ClassWeights(false, 1, 4.5));
        assertThat(section.earlyStopping()).isEqualTo(new EarlyStopping("val_loss", 10, 0, true));
    }

    @Test
    void mistakesNameTheKeyAndValue() {
        assertThatThrownBy(() -> parse("{\"earlyStoping\": {}}"))
                .isInstanceOf(TrialException.class)
                .hasMessageContaining("trainer.earlyStoping is not a known key");
        assertThatThrownBy(() -> parse("{\"dataset\": {\"type\": \"parquet\"}}"))
                .hasMessage("trainer.dataset.type (parquet) must be one of synthetic-fraud, csv");
        assertThatThrownBy(() -> parse("{\"dataset\": {\"type\": \"csv\", \"rows\": 5, \"path\": \"a.csv\"}}"))
                .hasMessageContaining("trainer.dataset.rows is not a known key (known: label, path, type)");
        assertThatThrownBy(() -> parse("{\"dataset\": {\"rows\": \"many\"}}"))
                .hasMessage("trainer.dataset.rows (\"many\") must be a number");
        assertThatThrownBy(() -> parse("{\"split\": {\"stratified\": \"yes\"}}"))
                .hasMessage("trainer.split.stratified (\"yes\") must be true or false");
        assertThatThrownBy(() -> parse("{\"earlyStopping\": {\"monitor\": \"loss\"}}"))
                .hasMessageContaining("trainer.earlyStopping.monitor (loss) must be one of val_loss");
        assertThatThrownBy(() -> parse("{\"classWeights\": \"auto\"}"))
                .hasMessageContaining("trainer.classWeights (\"auto\") must be");
    }
}
