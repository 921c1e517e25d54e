package dev.hpo.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.RunningStack;
import dev.hpo.cli.local.ServiceCommands;
import dev.hpo.cli.local.StackProcess;
import dev.hpo.cli.local.StackState;
import dev.hpo.e2e.ops.DashboardQueries.PanelQuery;
import dev.hpo.e2e.ops.DashboardQueries.Rule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the alerting rules against a real Prometheus scraping the real services: the
 * local stack (Kafka, the optimizer, one trainer) runs a three-trial study of real training on tiny data,
 * Prometheus scrapes it with deploy/prometheus/prometheus.yml (targets substituted), and every panel query
 * and every alert expression goes to Prometheus's HTTP API.
 */
class PrometheusDashboardIT {

    private static final int TRIALS = 3;
    private static final String SCRAPE_INTERVAL = "2s";
    private static final Duration STUDY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern METRIC = Pattern.compile("\\b(hpo_\\w+|kafka_\\w+|jvm_\\w+|up)\\b");
    private static final String SPEC = """
            name: ops-dashboard
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: bayesian, acquisition: ei, initialPoints: 2, seed: 11}
            budget: {maxTrials: %d, parallelism: 1}
            finalRefit: false
            searchSpace:
              neurons1: {type: int, min: 10, max: 30, step: 10}
              learning_rate: {type: float, min: 1.0e-3, max: 1.0e-2, log: true}
              batch_size: {type: choice, values: [32, 64]}
              epochs: {type: int, min: 2, max: 2}
            trainer:
              dataset: {type: synthetic-fraud, rows: 1000, features: 10, positiveRate: 0.1, seed: 7}
              model: fraud-mlp
              split: {validation: 0.2, test: 0.2, stratified: true, seed: 7}
              classWeights: balanced
            """.formatted(TRIALS);

    @TempDir
    static Path dir;

    static RunningStack stack;
    static PrometheusServer prometheus;
    static StudyClient client;
    static String studyId;

    @BeforeAll
    static void runAStudyWhilePrometheusScrapes() throws Exception {
        Path home = RepoHome.locate();
        stack = new LocalStack(dir.resolve("stack"), ServiceCommands.jars(home)).withProgress(System.out::println).up(1);
        Path prometheusDir = Files.createDirectories(dir.resolve("prometheus"));
        Path config = ScrapeConfig.write(prometheusDir, Map.of(
                "hpo-optimizer", List.of(hostPort(optimizer())),
                "hpo-trainer", stack.state().trainers().stream().map(PrometheusDashboardIT::hostPort).toList()),
                SCRAPE_INTERVAL);
        prometheus = PrometheusServer.start(config, prometheusDir);

        client = new StudyClient(stack.apiUrl(), null);
        studyId = client.create(SPEC, true).path("id").asText();
        sendUnreadableResult();
        await().atMost(STUDY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(client.study(studyId).path("status").asText()));

        // Prometheus has the final counts, then at least two samples of every series the panels read
        // (rate() and increase() need two): waiting until every panel answers, or for a minute at most.
        await().atMost(SCRAPE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(List.of(sum("hpo_trials_total"), sum("hpo_trainer_trials_total"),
                        sum("hpo_messages_rejected_total")))
                        .as("trials ended (optimizer, trainer), records rejected; trials: " + client.trials(studyId))
                        .containsExactly((double) TRIALS, (double) TRIALS, 1.0));
        try {
            await().atMost(SCRAPE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
                    DashboardQueries.panels(dashboard()).stream().allMatch(q -> !result(q.expr()).isEmpty()));
        } catch (ConditionTimeoutException e) {
            // everyPanelQueryIsValidAndReturnsData names the panels that stay empty.
        }
    }

    @AfterAll
    static void down() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPanelQueryIsValidAndReturnsData() {
        List<PanelQuery> queries = DashboardQueries.panels(dashboard());
        List<String> problems = new ArrayList<>();
        for (PanelQuery q : queries) {
            JsonNode answer = prometheus.query(q.expr());
            if (!"success".equals(answer.path("status").asText())) {
                problems.add(q + " -> " + answer.path("error").asText());
            } else if (answer.path("data").path("result").isEmpty()) {
                problems.add(q + " -> no data");
            }
        }

        assertThat(queries).hasSizeGreaterThanOrEqualTo(15).allSatisfy(q -> assertThat(q.expr()).doesNotContain("$"));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAlertRuleIsValidLoadedHealthyAndQuietWhileTheStackIsHealthy() {
        List<Rule> rules = DashboardQueries.rules(RepoHome.locate().resolve("deploy/prometheus/hpo-rules.yml"));
        for (Rule rule : rules) {
            JsonNode answer = prometheus.query(rule.expr());
            assertThat(answer.path("status").asText()).as(rule.alert() + ": " + answer).isEqualTo("success");
            assertThat(answer.path("data").path("result")).as(rule.alert() + " fires on a healthy stack").isEmpty();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> loaded = new ArrayList<>();
            prometheus.get("/api/v1/rules?type=alert").path("data").path("groups")
                    .forEach(g -> g.path("rules").forEach(loaded::add));
            assertThat(loaded).extracting(r -> r.path("name").asText())
                    .containsExactlyInAnyOrderElementsOf(rules.stream().map(Rule::alert).toList());
            assertThat(loaded).allSatisfy(r -> {
                assertThat(r.path("health").asText()).as(r.toString()).isEqualTo("ok");
                assertThat(r.path("state").asText()).as(r.toString()).isEqualTo("inactive");
            });
        });
    }

    @Test
    void everyMetricThePanelsAndRulesNameIsExportedByTheServices() {
        Set<String> exported = new TreeSet<>();
        prometheus.get("/api/v1/label/__name__/values").path("data").forEach(n -> exported.add(n.asText()));
        Set<String> named = new TreeSet<>();
        DashboardQueries.panels(dashboard()).forEach(q -> named.addAll(metrics(q.expr())));
        DashboardQueries.rules(RepoHome.locate().resolve("deploy/prometheus/hpo-rules.yml"))
                .forEach(r -> named.addAll(metrics(r.expr())));

        assertThat(named).contains("hpo_trials_queued", "hpo_trainer_busy", "up", "kafka_consumer_connection_count");
        assertThat(exported).containsAll(named);
    }

    @Test
    void theMetricsCountTheStudyThatRanAsItsRestApiReportsIt() {
        JsonNode study = client.study(studyId);
        JsonNode trials = client.trials(studyId);
        int epochs = 0;
        for (JsonNode t : trials) {
            epochs += t.path("epochs").asInt();
        }

        assertThat(study.path("status").asText()).isEqualTo("FINISHED");
        assertThat(prometheus.value("sum(hpo_trials_total{study=\"" + studyId + "\", status=\"completed\"})"))
                .isEqualTo(TRIALS);
        assertThat(prometheus.value("sum(hpo_trainer_trials_total{status=\"completed\"})")).isEqualTo(TRIALS);
        assertThat(prometheus.value("sum(hpo_studies{state=\"finished\"})")).isEqualTo(1);
        assertThat(prometheus.value("sum(hpo_trials_queued{pool=\"dl4j\"})")).isZero();
        assertThat(prometheus.value("hpo_study_best_objective{study=\"" + studyId + "\", metric=\"val_recall\"}"))
                .isCloseTo(study.path("best").path("metrics").path("val_recall").asDouble(), offset(1e-9));
        assertThat(prometheus.value("sum(hpo_trainer_epoch_seconds_count)")).isEqualTo(epochs);
        assertThat(prometheus.value("sum(hpo_messages_rejected_total{topic=\"hpo.results\", reason=\"invalid\"})"))
                .isEqualTo(1);
        assertThat(prometheus.value("count(hpo_trainer_device_info{device=\"cpu\", backend=\"nd4j-native\", pool=\"dl4j\"})"))
                .isEqualTo(1);
        assertThat(prometheus.value("sum(kafka_consumer_share_fetch_manager_records_consumed_total{job=\"hpo-trainer\"})"))
                .as("trials the trainer's share consumer received").isGreaterThanOrEqualTo(TRIALS);
        assertThat(prometheus.value("sum(kafka_producer_record_send_total{job=\"hpo-trainer\"})"))
                .as("results and progress the trainer's producer sent").isGreaterThanOrEqualTo(TRIALS + epochs);
        assertThat(prometheus.value("sum(up{job=~\"hpo-.*\"})")).isEqualTo(2);
    }

    @Test
    void theTrainerIsReadyWithAKafkaCheckThatSeesTheBroker() throws Exception {
        StackProcess trainer = stack.state().trainers().get(0);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort(trainer) + "/q/health/ready")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode health = new ObjectMapper().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("checks")).anySatisfy(check -> {
            assertThat(check.path("name").asText()).isEqualTo("kafka-cluster");
            assertThat(check.path("status").asText()).isEqualTo("UP");
            assertThat(check.path("data").path("nodes").asInt()).isEqualTo(1);
        });
    }

    /** A record the optimizer cannot read: it goes to hpo.dlq and counts in hpo_messages_rejected_total. */
    private static void sendUnreadableResult() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("hpo.results", "ops-it", "not json".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static double sum(String metric) {
        JsonNode result = result("sum(" + metric + ")");
        return result.isEmpty() ? -1 : result.get(0).path("value").get(1).asDouble();
    }

    private static JsonNode result(String promql) {
        return prometheus.query(promql).path("data").path("result");
    }

    private static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Path dashboard() {
        return RepoHome.locate().resolve("deploy/grafana/hpo-dashboard.json");
    }

    private static StackProcess optimizer() {
        return stack.state().processes().stream().filter(p -> p.name().equals(StackState.OPTIMIZER)).findFirst()
                .orElseThrow();
    }

    private static String hostPort(StackProcess process) {
        return "127.0.0.1:" + process.port();
    }
}
