package dev.hpo.trainer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerBenchTest {

    private static final String JSON_LINE = "\\{\"batch\": %d, \"seconds_per_epoch\": \\d+\\.\\d{4}, \"device\": \"cpu\","
            + " \"samples_per_second\": \\d+, \"gflops\": \\d+\\.\\d{2}}";

    /** What a run printed on stdout and on stderr. */
    private record Printed(List<String> out, String err) {
    }

    private static Printed run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            TrainerBench.main(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Printed(out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonModePrintsOneLinePerBatchSize() throws Exception {
        Printed printed = run("--batch", "32,64", "--rows", "300", "--features", "6", "--epochs", "1", "--warmup", "0",
                "--json");

        assertThat(printed.out()).satisfiesExactly(
                line -> assertThat(line).matches(JSON_LINE.formatted(32)),
                line -> assertThat(line).matches(JSON_LINE.formatted(64)));
        assertThat(printed.err()).contains("the trainer's training step");
    }

    @Test
    void dl4jFitModeTimesDl4jsOwnFit() throws Exception {
        Printed printed = run("--batch", "64", "--rows", "300", "--features", "6", "--epochs", "1", "--warmup", "0",
                "--json", "--dl4j-fit");

        assertThat(printed.out()).singleElement().asString().matches(JSON_LINE.formatted(64));
        assertThat(printed.err()).contains("DL4J's MultiLayerNetwork.fit");
    }

    @Test
    void aDeeperStackOfLayersCountsItsProducts() throws Exception {
        Printed printed = run("--batch", "50", "--rows", "250", "--features", "6", "--epochs", "1", "--warmup", "0",
                "--hidden", "16,8,4", "--dropout", "0", "--json");

        assertThat(printed.out()).singleElement().asString().matches(JSON_LINE.formatted(50));
        assertThat(printed.err()).contains("4 steps/epoch").contains("samples/s").contains("GFLOP/s");
    }

    @Test
    void theGpuDeviceWithoutAGpuEndsWithTheReason() {
        org.junit.jupiter.api.Assumptions.assumeFalse(dev.hpo.trainer.gpu.CudaProbe.probe().found(), "a GPU is here");
        assertThatThrownBy(() -> TrainerBench.main(new String[] {"--device", "cuda", "--rows", "300"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("--device cuda: HPO_DEVICE=cuda but no NVIDIA driver: libcuda.so.1 not found");
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertThatThrownBy(() -> TrainerBench.main(new String[] {"--batches", "16"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --batches");
    }
}
