package dev.hpo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.ServiceOwnership;
import dev.hpo.cli.local.RunningStack;
import dev.hpo.cli.local.ServiceCommands;
import dev.hpo.cli.local.StackProcess;
import dev.hpo.cli.local.StackState;
import dev.hpo.localkafka.FreePorts;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.TrialTopics;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ProgressState;
import dev.hpo.localkafka.ShareGroupConfig;
import dev.hpo.localkafka.TopicProbe;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline, as users run it: a Kafka broker, the packaged optimizer and two packaged trainers as
 * separate processes (started by the same code as {@code ./hpo local up}), real DL4J training on small data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final Duration STUDY_TIMEOUT = Duration.ofMinutes(8);
    /** The shortest record lock the broker allows by default ({@code group.share.min.record.lock.duration.ms}). */
    private static final Duration SHORT_LOCK = Duration.ofSeconds(15);
    /**
     * One trial of 40 epochs, each made to last at least a second more (fault injection, see the trainer's
     * Faults): over 40 s on any machine, well over twice {@link #SHORT_LOCK}, and long enough to kill its trainer
     * in the middle.
     */
    private static final String LONG_TRIAL = """
            name: %s
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: 8}
            budget: {maxTrials: 1, parallelism: 1}
            finalRefit: false
            searchSpace:
              batch_size: {type: choice, values: [16]}
              epochs: {type: int, min: 40, max: 40}
            trainer:
              dataset: {type: synthetic-fraud, rows: 2000, features: 20, positiveRate: 0.1, seed: 5}
              model: fraud-mlp
              faults: {epochDelayMs: 1000}
            """;

    /** Short trials; name, seed, trials, parallelism and extra lines of the trainer section to fill in. */
    private static final String SHORT_TRIALS = """
            name: %s
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: %d}
            budget: {maxTrials: %d, parallelism: %d}
            finalRefit: false
            searchSpace:
              neurons1: {type: int, min: 20, max: 40, step: 10}
              epochs: {type: int, min: 2, max: 4, step: 2}
            trainer:
              dataset: {type: synthetic-fraud, rows: 1000, features: 8, positiveRate: 0.2, seed: 3}
              model: fraud-mlp
            %s""";

    @TempDir
    static Path stateDir;

    static RunningStack stack;
    static StudyClient client;

    @BeforeAll
    static void up() {
        Path home = RepoHome.locate();
        stack = new LocalStack(stateDir, ServiceCommands.jars(home)).withProgress(System.out::println).up(2);
        client = new StudyClient(stack.apiUrl(), null);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aFourTrialStudyOfRealTrainingCompletesOnTwoTrainersInParallel() throws Exception {
        String spec = """
                name: e2e-pipeline
                objective: {metric: val_recall, direction: maximize}
                strategy: {type: bayesian, acquisition: ei, initialPoints: 2, seed: 5}
                budget: {maxTrials: 4, parallelism: 2}
                searchSpace:
                  neurons1: {type: int, min: 20, max: 40, step: 10}
                  neurons2: {type: int, min: 10, max: 30, step: 10}
                  dropout_rate1: {type: float, min: 0.0, max: 0.3, step: 0.1}
                  optimizer: {type: choice, values: [adam, lion]}
                  learning_rate: {type: float, min: 1.0e-3, max: 1.0e-2, log: true}
                  batch_size: {type: choice, values: [16, 32]}
                  epochs: {type: int, min: 20, max: 30, step: 10}
                trainer:
                  dataset: {type: synthetic-fraud, rows: 5000, features: 20, positiveRate: 0.1, seed: 7}
                  model: fraud-mlp
                  split: {validation: 0.2, test: 0.2, stratified: true, seed: 7}
                  earlyStopping: {monitor: val_loss, patience: 20}
                  classWeights: balanced
                  faults: {epochDelayMs: 300}
                """;
        // The delay (fault injection) keeps each trial over 6 s: a trainer that joins the share group a little
        // late still finds the second trial waiting, however fast training is.
        String id = client.create(spec, true).path("id").asText();

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));

        JsonNode study = client.study(id);
        JsonNode trials = client.trials(id);
        assertThat(study.path("status").asText()).isEqualTo("FINISHED");
        assertThat(trials).hasSize(4);
        Set<String> ids = new HashSet<>();
        Set<JsonNode> configurations = new HashSet<>();
        for (JsonNode t : trials) {
            assertThat(t.path("status").asText()).as(t.toString()).isEqualTo("COMPLETED");
            ids.add(t.path("trialId").asText());
            configurations.add(t.path("params"));
            for (String m : List.of("val_recall", "val_precision", "val_accuracy", "val_auc", "val_f1")) {
                assertThat(t.path("metrics").path(m).asDouble(-1)).as(m + " of " + t).isBetween(0.0, 1.0);
            }
            assertThat(t.path("epochs").asInt()).isPositive();
        }
        assertThat(ids).hasSize(4);
        assertThat(configurations).hasSize(4);

        JsonNode best = study.path("best");
        double bestRecall = best.path("metrics").path("val_recall").asDouble();
        for (JsonNode t : trials) {
            assertThat(t.path("metrics").path("val_recall").asDouble()).isLessThanOrEqualTo(bestRecall);
        }

        assertThat(workers(trials)).as("both trainers trained trials of the study").hasSize(2);
        assertThat(overlapping(trials)).as("two trials trained at the same time on different trainers").isTrue();

        // ./hpo local status says what each process owns, read from the services themselves
        ProcessBuilder pb = new ProcessBuilder(RepoHome.locate().resolve("hpo").toString(), "local", "status", "--json")
                .directory(RepoHome.locate().toFile()).redirectErrorStream(true);
        pb.environment().put("HPO_STATE_DIR", stateDir.toString());
        Process status = pb.start();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(status.exitValue()).as(output).isZero();
        Map<String, String> owns = new java.util.TreeMap<>();
        for (JsonNode p : Json.mapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow()).path("processes")) {
            owns.put(p.path("name").asText(), p.path("owns").asText());
        }
        assertThat(owns).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("kafka", "-",
                "optimizer", "partitions 0-11 of 12, drives 0 running studies", "trainer-1", "idle", "trainer-2", "idle")));
    }

    @Test
    @Order(2)
    void theDemoComparesBayesianAndGridSearchAndWritesItsReport(@TempDir Path out) throws Exception {
        Path home = RepoHome.locate();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("hpo").toString(), "demo", "--budget", "3",
                "--epochs-max", "2", "--grid-budget", "4", "--rows", "2000", "--out", out.toString())
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("HPO_STATE_DIR", stateDir.toString());
        Process demo = pb.start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.waitFor(10, TimeUnit.MINUTES)).isTrue();

        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("using the running local stack").contains("best: ").contains("Comparison");
        JsonNode report = Json.mapper().readTree(Files.readString(out.resolve("report.json")));
        JsonNode methods = report.path("methods");
        assertThat(methods.findValuesAsText("method")).containsExactly("bayesian", "grid");
        assertThat(methods.get(0).path("trials")).hasSize(3);
        assertThat(methods.get(1).path("trials")).hasSize(4);
        assertThat(methods.get(1).path("gridSize").asInt()).isEqualTo(32);
        double gridBest = -1;
        for (JsonNode m : methods) {
            assertThat(m.path("trials").findValuesAsText("status")).containsOnly("COMPLETED");
            assertThat(m.path("trials").get(0).path("params").path("epochs").asInt()).isBetween(1, 2);
            for (String split : List.of("dev", "test")) {
                for (String metric : List.of("recall", "precision", "accuracy")) {
                    assertThat(m.path(split).path(metric).asDouble(-1)).as(split + " " + metric).isBetween(0.0, 1.0);
                }
            }
            assertThat(m.path("artifact").asText()).isNotBlank();
            double best = 0;
            for (JsonNode t : m.path("trials")) {
                best = Math.max(best, t.path("metrics").path("val_recall").asDouble());
            }
            assertThat(m.path("bestValidation").path("val_recall").asDouble()).isEqualTo(best);
            if ("grid".equals(m.path("method").asText())) {
                gridBest = best;
            }
        }
        JsonNode comparison = report.path("comparison");
        assertThat(comparison.path("target").asDouble()).isEqualTo(gridBest);
        assertThat(comparison.path("gridTrials").asInt()).isEqualTo(4);
        JsonNode reached = methods.get(0).path("trialsToReachGridBest");
        double bayesBest = methods.get(0).path("bestValidation").path("val_recall").asDouble();
        assertThat(reached.isNull()).isEqualTo(bayesBest < gridBest);
        for (String file : List.of("report.md", "report.html", "convergence-trials.png", "convergence-time.png",
                "recall-precision.png", "objective-distribution.png")) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        byte[] png = Files.readAllBytes(out.resolve("recall-precision.png"));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<img src=\"convergence-trials.png\"");
    }

    @Test
    @Order(4)
    void aStudySurvivesTheOptimizerKilledTwiceMidStudy() throws Exception {
        String spec = """
                name: e2e-recovery
                objective: {metric: val_recall, direction: maximize}
                strategy: {type: bayesian, initialPoints: 2, seed: 9}
                budget: {maxTrials: 6, parallelism: 2}
                searchSpace:
                  neurons1: {type: int, min: 20, max: 40, step: 10}
                  learning_rate: {type: float, min: 1.0e-3, max: 1.0e-2, log: true}
                  batch_size: {type: choice, values: [32, 64]}
                  epochs: {type: int, min: 3, max: 6, step: 3}
                trainer:
                  dataset: {type: synthetic-fraud, rows: 1500, features: 10, positiveRate: 0.15, seed: 3}
                  model: fraud-mlp
                """;
        String id = client.create(spec, true).path("id").asText();
        Random random = new Random(17);
        for (int completedBeforeKill : List.of(1, 3)) {
            await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofMillis(300))
                    .until(() -> client.study(id).path("counts").path("completed").asInt() >= completedBeforeKill);
            Thread.sleep(random.nextInt(1500));
            ProcessHandle optimizer = ProcessHandle.of(stack.optimizerPid()).orElseThrow();
            optimizer.destroyForcibly();
            optimizer.onExit().get(30, TimeUnit.SECONDS);
            Instant killed = Instant.now();
            if (completedBeforeKill == 1) {
                stack.restart("optimizer");
            } else {
                // as ./hpo local up on a stack with a dead process: it starts again what is gone, on its port
                int port = stack.state().process(StackState.OPTIMIZER).orElseThrow().port();
                stack.heal();
                assertThat(stack.optimizerPid()).isNotEqualTo(optimizer.pid());
                assertThat(stack.state().process(StackState.OPTIMIZER).orElseThrow().port()).isEqualTo(port);
            }
            System.out.println("optimizer restart: ready " + Duration.between(killed, Instant.now()).toMillis()
                    + " ms after the kill (process start, joining the group, the replay)");
        }
        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));

        JsonNode study = client.study(id);
        JsonNode trials = client.trials(id);
        assertThat(study.path("status").asText()).isEqualTo("FINISHED");
        assertThat(trials.findValuesAsText("number")).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
        assertThat(trials.findValuesAsText("status")).containsOnly("COMPLETED");
        assertThat(study.path("counts").path("total").asInt()).isEqualTo(6);

        TopicProbe topics = new TopicProbe(stack.bootstrap());
        Map<String, Double> published = new HashMap<>();
        topics.read("hpo.results", r -> id.equals(r.key()), 100, Duration.ofSeconds(10)).stream()
                .map(r -> MessageCodec.decodeResult(r.value()))
                .filter(r -> !r.trialId().endsWith(".refit"))
                .forEach(r -> published.putIfAbsent(r.trialId(), r.metrics().get("val_recall")));
        assertThat(published).hasSize(6);
        for (JsonNode t : trials) {
            assertThat(t.path("metrics").path("val_recall").asDouble())
                    .isEqualTo(published.get(t.path("trialId").asText()));
        }
        double bestPublished = published.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(study.path("best").path("metrics").path("val_recall").asDouble()).isEqualTo(bestPublished);
        assertThat(study.path("refit").path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    @Order(3)
    void aThousandHostileRecordsAllGoToTheDeadLetterTopicWhileAStudyRuns() throws Exception {
        String spec = SHORT_TRIALS.formatted("e2e-hostile", 4, 3, 2, "");
        String id = client.create(spec, true).path("id").asText();
        TopicProbe topics = new TopicProbe(stack.bootstrap());
        List<HostileRecords.Hostile> hostile = new java.util.ArrayList<>(HostileRecords.generate(500, true, 1));
        hostile.forEach(h -> topics.send("hpo.results", h.key(), h.value()));
        List<HostileRecords.Hostile> trials = HostileRecords.generate(500, false, 2);
        trials.forEach(h -> topics.send("hpo.trials.dl4j", h.key(), h.value()));
        hostile.addAll(trials);

        Set<String> keys = new HashSet<>();
        hostile.forEach(h -> keys.add(h.key()));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> dead = topics.read("hpo.dlq",
                r -> r.key() != null && keys.contains(r.key()), 1000, Duration.ofMinutes(4));
        assertThat(dead).hasSize(1000);
        assertThat(dead).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, "dead-letter-reason")).as(r.key()).isNotBlank();
            assertThat(TopicProbe.header(r, "dead-letter-topic")).isIn("hpo.results", "hpo.trials.dl4j");
            assertThat(TopicProbe.header(r, "dead-letter-offset")).isNotBlank();
        });
        assertThat(dead.stream().map(r -> TopicProbe.header(r, "dead-letter-reason")))
                .anyMatch(reason -> reason.startsWith("not valid JSON"))
                .anyMatch(reason -> reason.contains("unknown study"))
                .anyMatch(reason -> reason.contains("must be hpo.result/v1"))
                .anyMatch(reason -> reason.contains("more than the limit"));

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));
        assertThat(client.trials(id).findValuesAsText("status")).containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertEveryServiceReady();
    }

    @Test
    @Order(8)
    void bothServicesRideOutTheBrokerStoppedForTwentySecondsMidStudy() throws Exception {
        String id = client.create(SHORT_TRIALS.formatted("e2e-broker-outage", 7, 6, 2,
                "  faults: {epochDelayMs: 1500}\n"), true).path("id").asText();
        long optimizer = stack.optimizerPid();
        List<Long> trainers = stack.trainerPids();
        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> client.study(id).path("counts").path("completed").asInt() >= 1);

        ProcessHandle broker = ProcessHandle.of(stack.brokerPid()).orElseThrow();
        broker.destroy();
        broker.onExit().get(60, TimeUnit.SECONDS);
        Thread.sleep(20_000);
        assertThat(client.study(id).path("status").asText()).as("the optimizer answers without its broker")
                .isEqualTo("RUNNING");
        stack.restart("kafka");
        Instant restarted = Instant.now();

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));
        JsonNode trials = client.trials(id);
        assertThat(client.study(id).path("status").asText()).isEqualTo("FINISHED");
        assertThat(trials.findValuesAsText("status")).hasSize(6).containsOnly("COMPLETED");
        assertThat(trials.findValuesAsText("trialId")).doesNotHaveDuplicates();
        assertThat(stack.optimizerPid()).as("the optimizer was not restarted").isEqualTo(optimizer);
        assertThat(stack.trainerPids()).as("no trainer was restarted").isEqualTo(trainers);
        assertEveryServiceReady();
        Set<String> published = new HashSet<>();
        new TopicProbe(stack.bootstrap()).read("hpo.results", r -> id.equals(r.key()), Integer.MAX_VALUE,
                Duration.ofSeconds(5)).forEach(r -> published.add(MessageCodec.decodeResult(r.value()).trialId()));
        assertThat(published).as("every trial's result is on hpo.results").hasSize(6);
        Instant firstAfter = null;
        for (JsonNode t : trials) {
            Instant finished = instant(t, "finishedAt");
            if (finished.isAfter(restarted) && (firstAfter == null || finished.isBefore(firstAfter))) {
                firstAfter = finished;
            }
        }
        assertThat(firstAfter).as("trials were still to finish when the broker came back").isNotNull();
        System.out.println("broker outage: first trial finished " + Duration.between(restarted, firstAfter).toMillis()
                + " ms after the broker was back");
    }

    @Test
    @Order(9)
    void twoReplicasShareTheStudiesAndOneKilledHasItsStudiesFinishedByTheOther() throws Exception {
        // A second replica, as a second pod of the optimizer Deployment would be.
        int port = FreePorts.pick(1).get(0);
        String secondUrl = "http://127.0.0.1:" + port;
        String firstUrl = stack.apiUrl();
        ProcessBuilder pb = new ProcessBuilder(ServiceCommands.jars(RepoHome.locate()).optimizer())
                .redirectErrorStream(true).redirectOutput(stateDir.resolve("logs").resolve("optimizer-2.log").toFile());
        pb.environment().put("KAFKA_BOOTSTRAP", stack.bootstrap());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("HPO_REPLICA_ID", "optimizer-2");
        Process second = pb.start();
        try {
            // Kafka splits the 12 partitions of hpo.studies between the two; each is ready with its share.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> owned(secondUrl).size() > 0 && owned(firstUrl).size() < 12);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> union(owned(firstUrl), owned(secondUrl)).size() == 12);
            Set<Integer> firstShare = owned(firstUrl);
            Set<Integer> secondShare = owned(secondUrl);
            assertThat(firstShare).as("no partition owned twice").doesNotContainAnyElementsOf(secondShare);

            StudyClient other = new StudyClient(secondUrl, null);
            String next = other.create(SHORT_TRIALS.formatted("e2e-shared-b", 9, 4, 2, ""), true).path("id").asText();
            assertThat(secondShare).as("a study is placed in a partition of the replica that created it")
                    .contains(partitionOf(next));
            await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !"RUNNING".equals(other.study(next).path("status").asText()));
            assertThat(other.study(next).path("status").asText()).isEqualTo("FINISHED");
            assertThat(issuers(next)).as("the second replica issued its study's trials").containsOnly("optimizer-2");

            // Any replica answers for any study: reads and stops are forwarded to the owner, lists merged.
            assertThat(client.study(next).path("status").asText()).as("read through the other replica")
                    .isEqualTo("FINISHED");
            assertThat(client.trials(next).findValuesAsText("number")).hasSize(4);
            String stopped = other.create(LONG_TRIAL.formatted("e2e-shared-stop"), true).path("id").asText();
            assertThat(secondShare).contains(partitionOf(stopped));
            assertThat(client.stop(stopped).path("status").asText()).as("stopped through the other replica")
                    .isEqualTo("STOPPED");
            assertThat(other.study(stopped).path("status").asText()).isEqualTo("STOPPED");

            // A study of the first replica, killed mid-study; and one to write to while its partition moves.
            String paused = client.create(LONG_TRIAL.formatted("e2e-shared-moving"), true).path("id").asText();
            String first = client.create(SHORT_TRIALS.formatted("e2e-shared-a", 9, 6, 2,
                    "  faults: {epochDelayMs: 1500}\n"), true).path("id").asText();
            assertThat(firstShare).contains(partitionOf(first), partitionOf(paused));
            assertThat(client.list().findValuesAsText("id")).as("lists merged").contains(first, next, stopped);
            assertThat(other.list().findValuesAsText("id")).contains(first, next, stopped);

            await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofMillis(300))
                    .until(() -> client.study(first).path("counts").path("completed").asInt() >= 2);
            ProcessHandle killedReplica = ProcessHandle.of(stack.optimizerPid()).orElseThrow();
            killedReplica.destroyForcibly();
            killedReplica.onExit().get(30, TimeUnit.SECONDS);
            Instant killed = Instant.now();
            // Until Kafka hands the dead replica's partitions on, a write to one of its studies is refused with
            // 503 and Retry-After; afterwards it is taken.
            java.net.http.HttpResponse<String> moving = post(secondUrl + "/api/studies/" + paused + "/stop");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> owned(secondUrl).size() == 12);
            Duration takeover = Duration.between(killed, Instant.now());
            assertThat(moving.statusCode()).as(moving.body()).isEqualTo(503);
            assertThat(moving.headers().firstValue("Retry-After")).hasValue("5");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> post(secondUrl + "/api/studies/" + paused + "/stop").statusCode() == 200);
            assertThat(other.study(paused).path("status").asText()).isEqualTo("STOPPED");

            await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !"RUNNING".equals(other.study(first).path("status").asText()));
            JsonNode trials = other.trials(first);
            assertThat(other.study(first).path("status").asText()).isEqualTo("FINISHED");
            assertThat(trials.findValuesAsText("status")).hasSize(6).containsOnly("COMPLETED");
            assertThat(trials.findValuesAsText("number")).as("no trial number repeated")
                    .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
            Set<String> published = new HashSet<>();
            new TopicProbe(stack.bootstrap()).read("hpo.results", r -> first.equals(r.key()), Integer.MAX_VALUE,
                    Duration.ofSeconds(5)).forEach(r -> published.add(MessageCodec.decodeResult(r.value()).trialId()));
            assertThat(published).as("every trial's result is on hpo.results").hasSize(6);
            assertThat(trials.findValuesAsText("finishedAt").stream().map(Instant::parse))
                    .as("the second replica finished trials after the kill").anyMatch(t -> t.isAfter(killed));
            assertThat(issuers(first)).as("issued by the first replica, then by the second")
                    .containsOnly("optimizer", "optimizer-2");
            System.out.println("optimizer partition handover: the second replica owned all 12 partitions "
                    + takeover.toMillis() + " ms after the first was killed");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            stack.restart(StackState.OPTIMIZER);
        }
    }

    /** The partitions of hpo.studies the replica at {@code url} owns, from its readiness data; none if not ready. */
    private static Set<Integer> owned(String url) {
        return ServiceOwnership.ownedPartitions(java.net.URI.create(url).getPort());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The partition of hpo.studies a study's records land in: the one its key hashes to, read from the topic. */
    private static int partitionOf(String studyId) {
        return new TopicProbe(stack.bootstrap()).read("hpo.studies", r -> studyId.equals(r.key()), 1,
                Duration.ofSeconds(10)).get(0).partition();
    }

    /** The replicas named in the {@code hpo-replica} header of the study's trial records. */
    private static Set<String> issuers(String studyId) {
        Set<String> replicas = new HashSet<>();
        new TopicProbe(stack.bootstrap()).read("hpo.trials.dl4j", r -> r.key() != null && r.key().startsWith(studyId),
                Integer.MAX_VALUE, Duration.ofSeconds(5)).forEach(r -> replicas.add(
                TopicProbe.header(r, TrialTopics.REPLICA_HEADER)));
        return replicas;
    }

    /** A POST without a body to {@code url}. */
    private static java.net.http.HttpResponse<String> post(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).timeout(Duration.ofSeconds(40))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(10)
    void aStoppedTrialWhoseTrainerDiesBeforeAcknowledgingItIsReportedStoppedByTheNextTakerWithoutTraining()
            throws Exception {
        // haltWhenStopped (fault injection): the trainer that gets the stop dies once its training has ended, before
        // it publishes the result and acknowledges the trial, so the share group gives the trial to the other one.
        String spec = LONG_TRIAL.formatted("e2e-stop-final")
                .replace("faults: {epochDelayMs: 1000}", "faults: {epochDelayMs: 1000, haltWhenStopped: true}");
        String id = client.create(spec, true).path("id").asText();
        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> "RUNNING".equals(client.trials(id).get(0).path("status").asText())
                        && client.trials(id).get(0).path("curve").size() >= 1);
        String first = client.trials(id).get(0).path("worker").asText();
        String trialId = client.trials(id).get(0).path("trialId").asText();

        client.stop(id);

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !client.trials(id).get(0).path("status").asText().matches("QUEUED|RUNNING"));
        boolean firstDied = stack.state().processes().stream().filter(p -> p.name().equals(first))
                .noneMatch(StackProcess::running);
        stack.restart(first);
        JsonNode trial = client.trials(id).get(0);
        assertThat(firstDied).as("%s died between the stop and the acknowledgement", first).isTrue();
        assertThat(trial.path("status").asText()).as(trial.toString()).isEqualTo("PRUNED");
        assertThat(trial.path("error").asText()).startsWith("study stopped");
        assertThat(trial.path("epochs").asInt()).as("not trained again").isZero();
        String second = trial.path("worker").asText();
        assertThat(second).isNotEqualTo(first);
        List<ProgressMessage> progress = new TopicProbe(stack.bootstrap()).read("hpo.progress", r -> true,
                        Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                .map(r -> MessageCodec.decodeProgress(r.value())).filter(p -> p.trialId().equals(trialId)).toList();
        assertThat(progress).as("trained by the first taker").anyMatch(p -> p.worker().equals(first)
                && p.state() == ProgressState.EPOCH);
        assertThat(progress).as("the second taker trained no epoch, nor announced it took the trial")
                .noneMatch(p -> p.worker().equals(second));
        List<String> results = new TopicProbe(stack.bootstrap()).read("hpo.results", r -> id.equals(r.key()),
                        Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                .map(r -> MessageCodec.decodeResult(r.value()))
                .map(r -> r.worker() + " " + r.status() + " " + r.epochs()).toList();
        assertThat(results).as("one result, from the second taker").containsExactly(second + " PRUNED 0");
    }

    /**
     * A trainer asked for a GPU where there is none (this machine has no NVIDIA driver): a real trainer process with
     * HPO_DEVICE=cuda against the running broker stays alive and live, is not ready with the reason in its health
     * answer, says so in one log line, and never starts its worker loop (it takes no trial).
     */
    @Test
    @Order(11)
    void aTrainerAskedForAGpuWhereThereIsNoneStaysUpNotReadyAndTakesNoTrial() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/nvidia0")), "a GPU is here");
        int port = FreePorts.pick(1).get(0);
        String url = "http://127.0.0.1:" + port;
        Path log = stateDir.resolve("logs").resolve("trainer-no-gpu.log");
        ProcessBuilder pb = new ProcessBuilder(ServiceCommands.jars(RepoHome.locate()).trainer())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("KAFKA_BOOTSTRAP", stack.bootstrap(), "QUARKUS_HTTP_PORT",
                Integer.toString(port), "HPO_WORKER_ID", "trainer-no-gpu", "HPO_DEVICE", "cuda", "OMP_NUM_THREADS", "1"));
        Process trainer = pb.start();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !trainer.isAlive() || httpStatus(url + "/q/health/live") == 200);
            String ready = httpBody(url + "/q/health/ready");
            // a few seconds more: a crash loop or a retrying client would show by now
            Thread.sleep(3000);
            assertThat(trainer.isAlive()).as("alive; log:%n%s", Files.readString(log)).isTrue();
            assertThat(httpStatus(url + "/q/health/live")).isEqualTo(200);
            assertThat(httpStatus(url + "/q/health/ready")).isEqualTo(503);
            assertThat(ready).contains("HPO_DEVICE=cuda but no NVIDIA driver: libcuda.so.1 not found");
            assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("not taking trials")).singleElement()
                    .asString().contains("HPO_DEVICE=cuda but no NVIDIA driver: libcuda.so.1 not found");
            assertThat(Files.readString(log)).doesNotContain("consuming hpo.trials");
            assertThat(httpBody(url + "/q/metrics")).contains("hpo_trainer_device{").contains("device=\"none\"");
        } finally {
            trainer.destroy();
            trainer.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The body of a GET of {@code url} whatever its status. */
    private static String httpBody(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Both services answer their readiness check with 200. */
    private static void assertEveryServiceReady() throws Exception {
        for (var p : stack.state().processes()) {
            if (!p.name().equals("kafka")) {
                assertThat(httpStatus("http://127.0.0.1:" + p.port() + "/q/health/ready")).as(p.name() + " ready")
                        .isEqualTo(200);
            }
        }
    }

    /** The HTTP status of a GET of {@code url}, or -1 if nothing answers. */
    private static int httpStatus(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    @Order(5)
    void aTrialLongerThanItsRecordLockKeepsItsTrainerAndCompletes() {
        String group = "hpo-workers-dl4j";
        ShareGroupConfig.apply(stack.bootstrap(), group,
                Map.of(ShareGroupConfig.RECORD_LOCK_DURATION_MS, Long.toString(SHORT_LOCK.toMillis())));
        try {
            String id = client.create(LONG_TRIAL.formatted("e2e-long-trial"), true).path("id").asText();
            await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));

            JsonNode trial = client.trials(id).get(0);
            assertThat(trial.path("status").asText()).as(trial.toString()).isEqualTo("COMPLETED");
            assertThat(trial.path("epochs").asInt()).isEqualTo(40);
            Duration trained = Duration.ofMillis(trial.path("durationMs").asLong());
            assertThat(trained).as("the trial outlasted its lock twice, or this test proves nothing")
                    .isGreaterThan(SHORT_LOCK.multipliedBy(2));
            assertThat(runningEvents(trial.path("trialId").asText())).as("taken once, by one trainer")
                    .containsExactly(trial.path("worker").asText());
        } finally {
            ShareGroupConfig.apply(stack.bootstrap(), group,
                    Map.of(ShareGroupConfig.RECORD_LOCK_DURATION_MS, "30000"));
        }
    }

    @Test
    @Order(6)
    void aTrialWhoseTrainerIsKilledIsRedeliveredAndCompletedByTheOther() throws Exception {
        String id = client.create(LONG_TRIAL.formatted("e2e-trainer-kill"), true).path("id").asText();
        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> "RUNNING".equals(client.trials(id).get(0).path("status").asText())
                        && client.trials(id).get(0).path("curve").size() >= 2);
        String first = client.trials(id).get(0).path("worker").asText();
        var victim = stack.state().processes().stream().filter(p -> p.name().equals(first)).findFirst().orElseThrow();
        ProcessHandle handle = ProcessHandle.of(victim.pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);

        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(id).path("status").asText()));
        stack.restart(first);

        JsonNode trial = client.trials(id).get(0);
        assertThat(trial.path("status").asText()).as(trial.toString()).isEqualTo("COMPLETED");
        assertThat(trial.path("worker").asText()).isNotEqualTo(first);
        List<String> takers = runningEvents(trial.path("trialId").asText());
        assertThat(takers).as("taken by the killed trainer, then by the other").hasSize(2);
        assertThat(takers.get(0)).isEqualTo(first);
    }

    @Test
    @Order(7)
    void aTrialThatKillsEveryTrainerTakingItIsGivenUpAsFailedWhileTheStudyGoesOn() throws Exception {
        String spec = SHORT_TRIALS.formatted("e2e-poison", 6, 3, 1, "  faults: {haltOnTrials: [1]}\n");
        String id = client.create(spec, true).path("id").asText();
        // As Kubernetes would: start again every trainer that dies, until the study ends, and once more after it:
        // a trainer that died on an earlier delivery may not have been seen yet when the study finished.
        List<String> restarted = new ArrayList<>();
        Instant deadline = Instant.now().plus(STUDY_TIMEOUT);
        while ("RUNNING".equals(client.study(id).path("status").asText()) && Instant.now().isBefore(deadline)) {
            restartDeadTrainers(restarted);
            Thread.sleep(500);
        }
        restartDeadTrainers(restarted);

        JsonNode trials = client.trials(id);
        assertThat(client.study(id).path("status").asText()).isEqualTo("FINISHED");
        assertThat(trials.findValuesAsText("status")).containsExactly("COMPLETED", "FAILED", "COMPLETED");
        assertThat(trials.get(1).path("error").asText())
                .startsWith("given up at delivery 3 (hpo.worker.delivery-limit)");
        assertThat(restarted).as("the two trainers that took the poison trial died").hasSize(2);
        assertThat(stack.state().trainers()).allMatch(StackProcess::running);
    }

    /** Starts again each trainer that is not running, and adds its name to {@code restarted}. */
    private static void restartDeadTrainers(List<String> restarted) {
        for (var trainer : stack.state().trainers()) {
            if (!trainer.running()) {
                restarted.add(trainer.name());
                stack.restart(trainer.name());
            }
        }
    }

    /** The workers that announced taking {@code trialId}, in order. */
    private static List<String> runningEvents(String trialId) {
        return new TopicProbe(stack.bootstrap()).read("hpo.progress", r -> true, Integer.MAX_VALUE,
                        Duration.ofSeconds(5)).stream()
                .map(r -> MessageCodec.decodeProgress(r.value()))
                .filter(p -> p.trialId().equals(trialId) && p.state() == ProgressState.RUNNING)
                .map(ProgressMessage::worker).toList();
    }

    private static Set<String> workers(JsonNode trials) {
        Set<String> workers = new HashSet<>();
        trials.forEach(t -> workers.add(t.path("worker").asText()));
        return workers;
    }

    /** Whether two trials on different workers have intersecting [startedAt, finishedAt] intervals. */
    private static boolean overlapping(JsonNode trials) {
        List<JsonNode> list = new ArrayList<>();
        trials.forEach(list::add);
        for (JsonNode a : list) {
            for (JsonNode b : list) {
                if (!a.path("worker").asText().equals(b.path("worker").asText())
                        && instant(a, "startedAt").isBefore(instant(b, "finishedAt"))
                        && instant(b, "startedAt").isBefore(instant(a, "finishedAt"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant instant(JsonNode trial, String field) {
        return Instant.parse(trial.path(field).asText());
    }

}
