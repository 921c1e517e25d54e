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
