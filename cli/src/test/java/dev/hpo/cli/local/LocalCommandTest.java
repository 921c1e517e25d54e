package dev.hpo.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.cli.HpoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void statusJsonPrintsExactlyOneObjectWithApiBootstrapAndProcesses(@TempDir Path stateDir) throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        new StateFile(stateDir).write(new StackState("http://127.0.0.1:8080", "127.0.0.1:9092", List.of(
                new StackProcess("kafka", 101, "/logs/kafka.log", 9092),
                new StackProcess("optimizer", exited.pid(), "/logs/optimizer.log", 8080))));

        int exit = hpo("local", "--state-dir", stateDir.toString(), "status", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.properties()).extracting(e -> e.getKey()).containsExactly("api", "bootstrap", "processes");
        assertThat(json.get("api").asText()).isEqualTo("http://127.0.0.1:8080");
        assertThat(json.get("bootstrap").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(json.get("processes")).hasSize(2);
        JsonNode kafka = json.get("processes").get(0);
        assertThat(kafka.properties()).extracting(e -> e.getKey())
                .containsExactly("name", "pid", "log", "port", "running", "owns");
        assertThat(kafka.get("name").asText()).isEqualTo("kafka");
        assertThat(kafka.get("pid").asLong()).isEqualTo(101);
        assertThat(kafka.get("log").asText()).isEqualTo("/logs/kafka.log");
        assertThat(kafka.get("port").asInt()).isEqualTo(9092);
        JsonNode optimizer = json.get("processes").get(1);
        assertThat(optimizer.get("name").asText()).isEqualTo("optimizer");
        // a process that has exited
        assertThat(optimizer.get("running").asBoolean()).isFalse();
        assertThat(optimizer.get("owns").asText()).isEqualTo("nothing (gone)");
    }

    @Test
    void statusTextShowsApiBootstrapAndEachProcessWithPidLivenessAndLog(@TempDir Path stateDir) {
        long self = ProcessHandle.current().pid();
        new StateFile(stateDir).write(new StackState("http://127.0.0.1:8080", "127.0.0.1:9092", List.of(
                new StackProcess("optimizer", self, "/logs/optimizer.log", 8080))));

        int exit = hpo("local", "--state-dir", stateDir.toString(), "status");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("http://127.0.0.1:8080", "127.0.0.1:9092")
                .containsPattern("optimizer +pid " + self + " +running .*/logs/optimizer.log");
    }

    @Test
    void statusWithoutAStackSaysItIsNotRunning(@TempDir Path stateDir) {
        int exit = hpo("local", "--state-dir", stateDir.toString(), "status", "--json");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("not running", "./hpo local up");
    }

    @Test
    void upWhenAlreadyUpSaysSoAndPrintsTheStatus(@TempDir Path stateDir) {
        StackState state = new StackState("http://127.0.0.1:8080", "127.0.0.1:9092", List.of(
                new StackProcess("kafka", ProcessHandle.current().pid(), "/logs/kafka.log", 9092)));
        new StateFile(stateDir).write(state);

        int exit = hpo("local", "--state-dir", stateDir.toString(), "up");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("already up", "127.0.0.1:9092", "kafka");
        assertThat(new StateFile(stateDir).read()).contains(state);
    }

    @Test
    void downStopsTheRecordedProcessesAndRemovesTheState(@TempDir Path stateDir) throws Exception {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, false);
        Process service = new ProcessBuilder(fakes.command(false))
                .redirectErrorStream(true).redirectOutput(stateDir.resolve("fake.log").toFile()).start();
        new StateFile(stateDir).write(new StackState(null, "127.0.0.1:9092", List.of(
                new StackProcess("optimizer", service.pid(), stateDir.resolve("fake.log").toString(), 0))));

        int exit = hpo("local", "--state-dir", stateDir.toString(), "down");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Stopped optimizer.");
        assertThat(service.isAlive()).isFalse();
        assertThat(new StateFile(stateDir).read()).isEmpty();
    }

    @Test
    void localWithoutSubcommandIsAUsageError() {
        int exit = hpo("local");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required subcommand", "up", "down", "status");
    }

    private int hpo(String... args) {
        return new CommandLine(new HpoCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
