package dev.hpo.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.localkafka.ClientSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
    void upOnAStackThatIsUpStartsAgainWhatIsGoneAndGrowsOrShrinksTrainersAndOptimizers(@TempDir Path stateDir)
            throws Exception {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, false);
        LocalStack stack = new LocalStack(stateDir, fakes);
        StackState first = stack.up(2).state();
        StackProcess broker = first.process("kafka").orElseThrow();
        StackProcess trainer1 = first.process("trainer-1").orElseThrow();
        StackProcess optimizer = first.process("optimizer").orElseThrow();
        kill(broker);
        kill(trainer1);

        StackState healed = stack.ensure(null, null).state();

        assertThat(healed.processes()).extracting(StackProcess::name)
                .containsExactly("kafka", "optimizer", "trainer-1", "trainer-2");
        assertThat(healed.processes()).allMatch(StackProcess::running);
        StackProcess newBroker = healed.process("kafka").orElseThrow();
        assertThat(newBroker.pid()).isNotEqualTo(broker.pid());
        assertThat(newBroker.port()).isEqualTo(broker.port());
        StackProcess newTrainer1 = healed.process("trainer-1").orElseThrow();
        assertThat(newTrainer1.pid()).isNotEqualTo(trainer1.pid());
        assertThat(newTrainer1.port()).isEqualTo(trainer1.port());
        assertThat(healed.process("optimizer")).contains(optimizer);
        assertThat(healed.process("trainer-2")).isEqualTo(first.process("trainer-2"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", healed.bootstrap()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).as("the broker is back").hasSize(1);
        }
        assertThat(stack.status()).contains(healed);

        StackState grown = stack.ensure(3, 2).state();

        assertThat(grown.processes()).extracting(StackProcess::name)
                .containsExactly("kafka", "optimizer", "trainer-1", "trainer-2", "trainer-3", "optimizer-2");
        assertThat(grown.processes()).allMatch(StackProcess::running);
        StackProcess replica = grown.process("optimizer-2").orElseThrow();
        assertThat(get("http://127.0.0.1:" + replica.port() + "/env")).contains("HPO_REPLICA_ID=optimizer-2",
                "KAFKA_BOOTSTRAP=" + grown.bootstrap());
        assertThat(get("http://127.0.0.1:" + grown.process("trainer-3").orElseThrow().port() + "/env"))
                .contains("HPO_WORKER_ID=trainer-3");
        assertThat(grown.trainers()).extracting(StackProcess::port).doesNotHaveDuplicates()
                .doesNotContain(replica.port(), optimizer.port());

        StackState shrunk = stack.ensure(1, 1).state();

        assertThat(shrunk.processes()).extracting(StackProcess::name).containsExactly("kafka", "optimizer", "trainer-1");
        for (String gone : List.of("trainer-2", "trainer-3", "optimizer-2")) {
            long pid = grown.process(gone).orElseThrow().pid();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(gone).isEmpty();
        }
        assertThat(shrunk.process("trainer-1")).isEqualTo(healed.process("trainer-1"));
        assertThatThrownBy(() -> stack.ensure(-1, null)).hasMessageContaining("trainers must be >= 0, got -1");
        assertThatThrownBy(() -> stack.ensure(null, 0)).hasMessageContaining("optimizers must be >= 1, got 0");

        stack.down();
        assertThat(fakes.anyLeft()).isFalse();
    }

    /** SIGKILL, as a crash would end it, and waits until it is gone. */
    private static void kill(StackProcess process) throws Exception {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
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

    @Test
    void aSecuredStackGivesItsServicesTheScramLoginAndTheStoresAsKafkaVariables(@TempDir Path stateDir)
            throws Exception {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, false);
        LocalStack stack = new LocalStack(stateDir, fakes).withSecureKafka(true);

        try (RunningStack running = stack.up(0)) {
            ClientSecurity security = stack.kafkaSecurity().orElseThrow();
            assertThat(get(running.apiUrl() + "/env")).contains("KAFKA_BOOTSTRAP=" + running.bootstrap(),
                    "KAFKA_SECURITY_PROTOCOL=SASL_SSL", "KAFKA_SASL_MECHANISM=SCRAM-SHA-512", "KAFKA_SASL_USERNAME=hpo",
                    "KAFKA_SASL_PASSWORD=" + security.password(),
                    "KAFKA_SSL_TRUSTSTORE_LOCATION=" + security.truststore(),
                    "KAFKA_SSL_TRUSTSTORE_PASSWORD=" + security.storePassword(),
                    "KAFKA_SSL_KEYSTORE_LOCATION=" + security.keystore())
                    .doesNotContain("KAFKA_SASL_JAAS_CONFIG");
            try (Admin admin = Admin.create(Map.<String, Object>copyOf(running.kafkaClientProperties()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    @Test
    void securingABrokerDirectoryFormattedWithoutSecurityFailsUpWithTheWayOutAndStartsNothing(@TempDir Path stateDir)
            throws Exception {
        FakeServices fakes = new FakeServices(stateDir.toString(), stateDir, false);
        Files.createDirectories(stateDir.resolve("kafka/data"));
        Files.writeString(stateDir.resolve("kafka/data/meta.properties"), "cluster.id=x\n");

        assertThatThrownBy(() -> new LocalStack(stateDir, fakes).withSecureKafka(false).up(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(stateDir.resolve("kafka").toString())
                .hasMessageContaining("delete it");

        assertThat(fakes.anyLeft()).isFalse();
        assertThat(new LocalStack(stateDir, fakes).status()).isEmpty();
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
