package dev.hpo.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.trainer.training.TrialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsFeaturesAndTheLabelColumnByName() throws IOException {
        Path file = write("amount,label,\"age\"\n1.5,0,30\n-2e1,1,41\n\n3,0,\"52\"\n");

        Dataset data = new CsvSpec(file, "label").load();

        assertThat(data.featureNames()).containsExactly("amount", "age");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{1.5, 30}, {-20, 41}, {3, 52}});
        assertThat(data.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> new CsvSpec(dir.resolve("nope.csv"), "label").load())
                .isInstanceOf(TrialException.class)
                .hasMessageContaining("trainer.dataset.path (" + dir.resolve("nope.csv") + ") does not exist");
    }

    @Test
    void aMissingLabelColumnListsTheColumns() throws IOException {
        Path file = write("a,b\n1,0\n");

        assertThatThrownBy(() -> new CsvSpec(file, "target").load())
                .hasMessageContaining("trainer.dataset.label (target) is not a column")
                .hasMessageContaining("(columns: a, b)");
    }

    @Test
    void aNonNumericCellNamesItsLineAndColumn() throws IOException {
        Path file = write("a,b,label\n1,2,0\n3,x7,1\n");

        assertThatThrownBy(() -> new CsvSpec(file, "label").load())
                .hasMessageContaining("line 3, column b: 'x7' is not a number");
    }

    @Test
    void notANumberIsRejected() throws IOException {
        Path file = write("a,label\n1,0\nNaN,1\n");

        assertThatThrownBy(() -> new CsvSpec(file, "label").load())
                .hasMessageContaining("line 3, column a: 'NaN' is not a finite number");
    }

    @Test
    void labelsMustBeZeroOrOne() throws IOException {
        Path file = write("a,label\n1,0\n2,2\n");

        assertThatThrownBy(() -> new CsvSpec(file, "label").load())
                .hasMessageContaining("line 3, column label: '2' must be 0 or 1");
    }

    @Test
    void aSingleClassIsRejected() throws IOException {
        Path file = write("a,label\n1,1\n2,1\n");

        assertThatThrownBy(() -> new CsvSpec(file, "label").load())
                .hasMessageContaining("has a single class (2 rows, all 1)");
    }

    @Test
    void aShortRowIsRejected() throws IOException {
        Path file = write("a,b,label\n1,2,0\n3,1\n");

        assertThatThrownBy(() -> new CsvSpec(file, "label").load())
                .hasMessageContaining("line 3 has 2 cells but the header has 3");
    }
}
