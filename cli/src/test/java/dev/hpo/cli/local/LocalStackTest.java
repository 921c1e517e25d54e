package dev.hpo.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @Test
    void upStartsBrokerOptimizerAndTrainersDetachedAndDownStopsThemAll(@TempDir Path stateDir) throws Exception {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, false);
        LocalStack stack = new LocalStack(stateDir, fakes);

        RunningStack running = stack.up(2);

        StackState state = running.state();
        assertThat(state.processes()).extracting(StackProcess::name)
                .containsExactly("kafka", "optimizer", "trainer-1", "trainer-2");
        assertThat(state.processes()).allMatch(StackProcess::running);
        assertThat(stack.status()).contains(state);
        assertThat(running.trainerPids()).hasSize(2).doesNotContain(running.optimizerPid(), running.brokerPid());
        for (StackProcess process : state.processes()) {
            assertThat(sessionId(process.pid())).as("session of %s", process.name()).isEqualTo(process.pid());
            assertThat(Path.of(process.log())).isEqualTo(stateDir.resolve("logs").resolve(process.name() + ".log"));
        }
        assertThat(get(running.apiUrl() + "/env")).contains("KAFKA_BOOTSTRAP=" + running.bootstrap());
        StackProcess trainer = state.trainers().get(0);
        assertThat(get("http://127.0.0.1:" + trainer.port() + "/env"))
                .contains("KAFKA_BOOTSTRAP=" + running.bootstrap(), "HPO_WORKER_ID=trainer-1", "OMP_NUM_THREADS=1");
        assertThatThrownBy(() -> stack.up(1)).hasMessageContaining("already up");

        List<StackProcess> stopped = stack.down();

        assertThat(stopped).isEqualTo(state.processes());
        for (StackProcess process : stopped) {
            assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).as(process.name()).isEmpty();
        }
        assertThat(fakes.anyLeft()).isFalse();
        assertThat(stateDir.resolve("state.json")).doesNotExist();
        assertThat(stack.status()).isEmpty();
    }

    @Test
    void aServiceThatExitsWhileStartingFailsUpWithItsLogAndLeavesNothingRunning(@TempDir Path stateDir) {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, true);
        LocalStack stack = new LocalStack(stateDir, fakes);

        assertThatThrownBy(() -> stack.up(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trainer-1")
                .hasMessageContaining("exited while starting")
                .hasMessageContaining("fake failure: this service refuses to start");

        assertThat(fakes.anyLeft()).isFalse();
        assertThat(stack.status()).isEmpty();
    }

    @Test
    void aMissingServiceJarFailsUpBeforeAnythingStarts(@TempDir Path home) {
        LocalStack stack = new LocalStack(home.resolve("state"), ServiceCommands.jars(home));

        assertThatThrownBy(() -> stack.up(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No optimizer-service jar at " + home)
                .hasMessageContaining("./mvnw install");

        assertThat(home.resolve("state")).doesNotExist();
    }

    /** Field 6 of {@code /proc/<pid>/stat} is the session id. */
    private static long sessionId(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
