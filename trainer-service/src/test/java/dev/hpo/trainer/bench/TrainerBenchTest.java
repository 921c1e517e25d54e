package dev.hpo.trainer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainerBenchTest {

    @Test
    void jsonModePrintsOneLinePerBatchSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            TrainerBench.main(new String[] {"--batch", "32,64", "--rows", "300", "--features", "6", "--epochs", "1",
                "--warmup", "0", "--json"});
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("\\{\"batch\": 32, \"seconds_per_epoch\": \\d+\\.\\d{4}}"),
                line -> assertThat(line).matches("\\{\"batch\": 64, \"seconds_per_epoch\": \\d+\\.\\d{4}}"));
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertThatThrownBy(() -> TrainerBench.main(new String[] {"--batches", "16"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --batches");
    }
}
