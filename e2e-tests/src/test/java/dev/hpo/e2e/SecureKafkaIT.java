package dev.hpo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.KafkaClientEnvironment;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.RunningStack;
import dev.hpo.cli.local.ServiceCommands;
import dev.hpo.localkafka.ClientSecurity;
import dev.hpo.localkafka.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka over SASL_SSL with SCRAM-SHA-512 and mutual TLS, as {@code ./hpo local up --mtls} runs it: the packaged
 * optimizer and trainer reach the broker only through the {@code KAFKA_*} settings in their environment, and a
 * trainer or optimizer with a wrong password waits, live and not ready, instead of failing its start over and over
 * or logging its clients' failed logins every second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureKafkaIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration STUDY_TIMEOUT = Duration.ofMinutes(3);
    private static final String WRONG_PASSWORD = "WrongPassword4242";
    private static final String REFUSAL = "refused this trainer's credentials";
    private static final String OPTIMIZER_REFUSAL = "refused this optimizer's credentials";
    private static final String OPTIMIZER_ACCEPTED = "Kafka accepted this optimizer's credentials";
    /** The optimizer's user, whose password on the broker is first another than the one it is given. */
    private static final String LATE_USER = "hpo-late";
    private static final String FIRST_PASSWORD = "FirstPassword4242";
    private static final String TWO_SHORT_TRIALS = """
            name: secure-kafka
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: 11}
            budget: {maxTrials: 2, parallelism: 1}
            finalRefit: false
            searchSpace:
              neurons1: {type: int, min: 20, max: 40, step: 10}
              epochs: {type: int, min: 2, max: 2}
            trainer:
              dataset: {type: synthetic-fraud, rows: 1000, features: 8, positiveRate: 0.2, seed: 3}
              model: fraud-mlp
            """;

    @TempDir
    static Path stateDir;

    static RunningStack stack;
    static ClientSecurity security;
    static Process wrongTrainer;
    static int wrongTrainerPort;
    static Path wrongTrainerLog;
    static Process wrongOptimizer;
    static int wrongOptimizerPort;
    static Path wrongOptimizerLog;

    /** The stack first; the services with the wrong password start while the study runs, to save a minute. */
    @BeforeAll
    static void up() throws IOException {
        Path home = RepoHome.locate();
        LocalStack local = new LocalStack(stateDir, ServiceCommands.jars(home)).withSecureKafka(true)
                .withProgress(System.out::println);
        stack = local.up(1);
        security = local.kafkaSecurity().orElseThrow();
        // Both at once: a port picked while the other service has not bound its own yet could be the same.
        List<Integer> ports = FreePorts.pick(2);
        wrongTrainerPort = ports.get(0);
        wrongTrainerLog = stateDir.resolve("logs").resolve("trainer-wrong-password.log");
        wrongTrainer = startWithWrongPassword(home, ServiceCommands.jars(home).trainer(), wrongTrainerPort,
                wrongTrainerLog, security.username(), Map.of("HPO_WORKER_ID", "trainer-wrong-password", "OMP_NUM_THREADS", "1"));
        wrongOptimizerPort = ports.get(1);
        wrongOptimizerLog = stateDir.resolve("logs").resolve("optimizer-wrong-password.log");
        setScramPassword(LATE_USER, FIRST_PASSWORD);
        wrongOptimizer = startWithWrongPassword(home, ServiceCommands.jars(home).optimizer(), wrongOptimizerPort,
                wrongOptimizerLog, LATE_USER, Map.of("HPO_REPLICA_ID", "optimizer-wrong-password"));
    }

    private static Process startWithWrongPassword(Path home, List<String> command, int port, Path log, String user,
            Map<String, String> environment) throws IOException {
        ClientSecurity wrong = new ClientSecurity(user, WRONG_PASSWORD, security.truststore(),
                security.caCertificate(), security.keystore(), security.storePassword(), security.mutualTls());
        ProcessBuilder service = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        service.environment().putAll(KafkaClientEnvironment.of(wrong));
        service.environment().putAll(Map.of("KAFKA_BOOTSTRAP", stack.bootstrap(),
                "QUARKUS_HTTP_PORT", Integer.toString(port)));
        service.environment().putAll(environment);
        return service.start();
    }

    @AfterAll
    static void down() throws InterruptedException {
        for (Process p : new Process[] {wrongTrainer, wrongOptimizer}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aTwoTrialStudyFinishesWithTheServicesTalkingToKafkaOverScramAndMutualTls() {
        StudyClient client = new StudyClient(stack.apiUrl(), null);
        String id = client.create(TWO_SHORT_TRIALS, true).path("id").asText();

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));

        assertThat(client.study(id).path("status").asText()).isEqualTo("FINISHED");
        JsonNode trials = client.trials(id);
        assertThat(trials).hasSize(2);
        for (JsonNode t : trials) {
            assertThat(t.path("status").asText()).as(t.toString()).isEqualTo("COMPLETED");
        }
    }

    @Test
    @Order(2)
    void theBrokerServesTheStacksClientSettingsAndRefusesPlaintextAWrongPasswordAndAMissingCertificate() {
        assertThat(stack.kafkaClientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("ssl.keystore.location");
        assertThat(describeClusterFailure(stack.kafkaClientProperties())).isNull();

        Throwable plaintext = describeClusterFailure(Map.of("bootstrap.servers", stack.bootstrap()));
        Map<String, String> wrongPassword = new HashMap<>(stack.kafkaClientProperties());
        wrongPassword.putAll(security.withPassword(WRONG_PASSWORD).kafkaProperties());
        Map<String, String> noCertificate = new HashMap<>(stack.kafkaClientProperties());
        noCertificate.keySet().removeIf(k -> k.startsWith("ssl.keystore."));

        assertThat(plaintext).as("a PLAINTEXT client gets no answer").isNotNull();
        assertThat(plaintext.toString()).containsIgnoringCase("timed out");
        assertThat(describeClusterFailure(wrongPassword)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("invalid credentials");
        assertThat(describeClusterFailure(noCertificate)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    @Order(3)
    void aTrainerWithAWrongPasswordStaysUpAndNotReadyAndSaysOnceThatKafkaRefusedItsCredentials() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !wrongTrainer.isAlive() || Files.readString(wrongTrainerLog).contains(REFUSAL));
        assertThat(wrongTrainer.isAlive()).as("alive; log:%n%s", Files.readString(wrongTrainerLog)).isTrue();

        HttpResponse<String> ready = health(wrongTrainerPort, "ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(ready.body()).contains("kafka-cluster", "SaslAuthenticationException");
        // Still there a while later: no exit, no restart.
        Thread.sleep(5_000);
        assertThat(wrongTrainer.isAlive()).isTrue();
        assertThat(health(wrongTrainerPort, "ready").statusCode()).isEqualTo(503);
        List<String> log = Files.readAllLines(wrongTrainerLog);
        assertThat(log.stream().filter(l -> l.contains(REFUSAL))).singleElement().asString()
                .contains("ERROR", stack.bootstrap(), "SaslAuthenticationException", "KAFKA_SASL_PASSWORD");
        assertThat(log.stream().filter(l -> l.contains("failed authentication")))
                .as("Kafka's client logs each refused login: the first, then one per retry every 30 s, not one a second")
                .hasSizeLessThanOrEqualTo(3);

        wrongTrainer.destroy();

        assertThat(wrongTrainer.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    @Test
    @Order(4)
    void anOptimizerWithAWrongPasswordStaysLiveAndNotReadyAndSaysSoOnceUntilTheBrokerTakesThePassword()
            throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !wrongOptimizer.isAlive() || Files.readString(wrongOptimizerLog).contains(OPTIMIZER_REFUSAL));
        assertThat(wrongOptimizer.isAlive()).as("alive; log:%n%s", Files.readString(wrongOptimizerLog)).isTrue();

        HttpResponse<String> ready = health(wrongOptimizerPort, "ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(ready.body()).contains("kafka-cluster", "credentials refused: SaslAuthenticationException");
        assertThat(health(wrongOptimizerPort, "live").statusCode()).isEqualTo(200);
        // A while later, probed meanwhile: no exit, still not ready, and nothing more in the log than at first.
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1_000);
            health(wrongOptimizerPort, "ready");
        }
        assertThat(wrongOptimizer.isAlive()).isTrue();
        assertThat(health(wrongOptimizerPort, "ready").statusCode()).isEqualTo(503);
        assertThat(health(wrongOptimizerPort, "live").statusCode()).isEqualTo(200);
        List<String> log = Files.readAllLines(wrongOptimizerLog);
        assertThat(log.stream().filter(l -> l.contains(OPTIMIZER_REFUSAL))).as(String.join("%n", log))
                .singleElement().asString()
                .contains("ERROR", stack.bootstrap(), "SaslAuthenticationException", "KAFKA_SASL_PASSWORD");
        assertThat(log.stream().filter(l -> l.contains("failed authentication")))
                .as("Kafka's client logs each refused login: the first, then one per retry every 30 s, not one a "
                        + "second from each channel and each probe; log:%n%s", String.join("%n", log))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(log.stream().filter(l -> l.contains("[o.a.k.")))
                .as("Kafka client lines, two per question (the failed login, the failed metadata update); log:%n%s",
                        String.join("%n", log)).hasSizeLessThanOrEqualTo(4);

        setScramPassword(LATE_USER, WRONG_PASSWORD);

        // The next question, at most 30 s later, is answered: the clients start, the replica joins the ownership
        // group beside the stack's optimizer, takes its share of the partitions and is ready.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.readString(wrongOptimizerLog).contains(OPTIMIZER_ACCEPTED));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> health(wrongOptimizerPort, "ready").statusCode() == 200);
        HttpResponse<String> joined = health(wrongOptimizerPort, "ready");
        assertThat(check(joined, "kafka-cluster").path("status").asText()).as(joined.body()).isEqualTo("UP");
        assertThat(check(joined, "study-recovery").path("data").path("partitionCount").asInt()).as(joined.body())
                .isEqualTo(12);

        wrongOptimizer.destroy();

        assertThat(wrongOptimizer.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    @Test
    @Order(5)
    void noLogHoldsAPassword() throws IOException {
        try (Stream<Path> logs = Files.list(stateDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.toString())
                        .doesNotContain(security.password(), security.storePassword(), WRONG_PASSWORD, FIRST_PASSWORD);
            }
        }
    }

    private static Throwable describeClusterFailure(Map<String, String> properties) {
        Map<String, Object> quick = new HashMap<>(properties);
        quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(quick)) {
            return catchThrowable(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
        }
    }

    private static JsonNode check(HttpResponse<String> health, String name) throws IOException {
        for (JsonNode c : MAPPER.readTree(health.body()).path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health.body());
    }

    /** Creates the SCRAM user, or sets its password, as the stack's user (the broker has no authorizer). */
    private static void setScramPassword(String user, String password) {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties());
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot set the SCRAM password of " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> health(int port, String which) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/" + which))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
