package dev.hpo.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hpo.cli.local.RepoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as {@code docker-compose config} reads it (Debian's docker-compose parses and
 * normalises the file without a Docker daemon), against the services' configuration and deploy/prometheus.
 */
class ComposeFileTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern TOPIC = Pattern.compile("--topic (\\S+)((?: --\\S+ \\S+)*)");
    private static final Pattern CONFIG = Pattern.compile("--config ([^=\\s]+)=(\\S+)");
    private static final Pattern PARTITIONS = Pattern.compile("--partitions (\\d+)");

    private static Path home;
    private static JsonNode services;

    @BeforeAll
    static void config() throws IOException {
        home = RepoHome.locate();
        JsonNode compose = YAML.readTree(Tool.run(home, "docker-compose", "-f", "docker-compose.yml", "config"));
        services = compose.path("services");
    }

    @Test
    void theStackIsKafkaItsTopicsTheTwoServicesPrometheusAndGrafana() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder("kafka", "kafka-init", "optimizer", "trainer", "prometheus", "grafana");
    }

    @Test
    void theServicesReadTheirPortsAndKafkaFromTheVariablesOfApplicationProperties() {
        ServiceProperties optimizer = ServiceProperties.optimizer();
        ServiceProperties trainer = ServiceProperties.trainer();
        String bootstrap = advertisedListener("PLAINTEXT");

        JsonNode optimizerEnv = services.path("optimizer").path("environment");
        assertThat(optimizerEnv.path(optimizer.variable("kafka.bootstrap.servers")).asText()).isEqualTo(bootstrap);
        assertThat(optimizerEnv.path(optimizer.variable("quarkus.http.port")).asText())
                .isEqualTo(Integer.toString(optimizer.httpPort()));
        assertThat(services.path("optimizer").path("ports").findValuesAsText("target"))
                .containsExactly(Integer.toString(optimizer.httpPort()));

        JsonNode trainerEnv = services.path("trainer").path("environment");
        assertThat(trainerEnv.path(trainer.variable("kafka.bootstrap.servers")).asText()).isEqualTo(bootstrap);
        assertThat(trainerEnv.path(trainer.variable("quarkus.http.port")).asText())
                .isEqualTo(Integer.toString(trainer.httpPort()));
        assertThat(trainerEnv.path(trainer.variable("hpo.worker.pool")).asText())
                .isEqualTo(trainer.defaultValue("hpo.worker.pool"));
        assertThat(trainerEnv.path("OMP_NUM_THREADS").asText()).isEqualTo("1");
    }

    @Test
    void trainersScaleBecauseTheyHaveNoContainerNameNoHostPortAndNoFixedWorkerId() {
        JsonNode trainer = services.path("trainer");

        assertThat(trainer.has("container_name")).isFalse();
        assertThat(trainer.has("ports")).isFalse();
        assertThat(trainer.path("environment").has(ServiceProperties.trainer().variable("hpo.worker.id"))).isFalse();
        assertThat(trainer.path("expose").get(0).asText()).isEqualTo(Integer.toString(ServiceProperties.trainer().httpPort()));
    }

    @Test
    void theSingleBrokerRunsKraftWithEveryInternalTopicOnOneReplicaShareCoordinatorIncluded() {
        JsonNode env = services.path("kafka").path("environment");

        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:4.");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        for (String setting : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
            assertThat(env.path(setting).asText()).as(setting).isEqualTo("1");
        }
    }

    @Test
    void theInitContainerCreatesEveryTopicOfTheServicesWithTheRetentionRecoveryNeeds() {
        Map<String, Map<String, String>> topics = createdTopics();
        Set<String> needed = new TreeSet<>(ServiceProperties.optimizer().topics());
        needed.add("hpo.trials." + ServiceProperties.trainer().defaultValue("hpo.worker.pool"));

        assertThat(topics.keySet()).containsAll(needed);
        assertThat(topics.get("hpo.results")).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(topics.get("hpo.studies")).containsEntry("cleanup.policy", "compact");
        assertThat(services.path("optimizer").path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services.path("trainer").path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void theTopicsHaveThePartitionsAndRetentionOfTheStrimziTopicsOnKubernetes() {
        Map<String, Map<String, String>> compose = createdTopics();
        Map<String, Map<String, String>> kubernetes = new HashMap<>();
        for (GenericKubernetesResource topic : KubernetesManifests.render("cpu").custom("KafkaTopic")) {
            Map<String, String> settings = new HashMap<>();
            settings.put("partitions", topic.get("spec", "partitions").toString());
            Map<String, Object> config = topic.get("spec", "config");
            config.forEach((k, v) -> settings.put(k, v.toString()));
            // Replication is the cluster's business: three replicas on Kubernetes, one broker here.
            settings.remove("min.insync.replicas");
            kubernetes.put(topic.getMetadata().getName(), settings);
        }

        assertThat(compose).isEqualTo(kubernetes);
    }

    @Test
    void prometheusLoadsDeployPrometheusAndScrapesTheComposeServicesOnTheirPorts() throws IOException {
        JsonNode prometheus = services.path("prometheus");
        assertThat(volumes(prometheus)).containsEntry("/etc/prometheus", home.resolve("deploy/prometheus").toString());
        assertThat(prometheus.path("command").toString()).contains("--config.file=/etc/prometheus/prometheus.yml");

        JsonNode config = YAML.readTree(home.resolve("deploy/prometheus/prometheus.yml").toFile());
        Map<String, JsonNode> jobs = new HashMap<>();
        config.path("scrape_configs").forEach(j -> jobs.put(j.path("job_name").asText(), j));
        assertThat(jobs.keySet()).containsExactlyInAnyOrder("hpo-optimizer", "hpo-trainer");
        assertThat(jobs.get("hpo-optimizer").path("static_configs").get(0).path("targets").get(0).asText())
                .isEqualTo("optimizer:" + ServiceProperties.optimizer().httpPort());
        JsonNode trainerSd = jobs.get("hpo-trainer").path("dns_sd_configs").get(0);
        assertThat(trainerSd.path("names").get(0).asText()).isEqualTo("trainer");
        assertThat(trainerSd.path("port").asInt()).isEqualTo(ServiceProperties.trainer().httpPort());
        for (JsonNode job : jobs.values()) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        }
        assertThat(jobs.get("hpo-trainer").path("relabel_configs").toString()).contains("\"target_label\":\"pool\"")
                .contains("\"replacement\":\"" + ServiceProperties.trainer().defaultValue("hpo.worker.pool") + "\"");
        assertThat(config.path("rule_files").get(0).asText()).isEqualTo("hpo-rules.yml");
    }

    @Test
    void grafanaGetsThePrometheusDatasourceAndTheDashboardWhereItsProviderLooks() throws IOException {
        JsonNode grafana = services.path("grafana");
        Map<String, String> mounts = volumes(grafana);
        assertThat(mounts).containsEntry("/etc/grafana/provisioning", home.resolve("deploy/grafana/provisioning").toString());

        JsonNode datasources = YAML.readTree(home.resolve("deploy/grafana/provisioning/datasources/prometheus.yml").toFile());
        URI url = URI.create(datasources.path("datasources").get(0).path("url").asText());
        assertThat(url.getHost()).isEqualTo("prometheus");
        assertThat(services.path("prometheus").path("ports").findValuesAsText("target"))
                .contains(Integer.toString(url.getPort()));

        JsonNode providers = YAML.readTree(home.resolve("deploy/grafana/provisioning/dashboards/hpo.yml").toFile());
        String folder = providers.path("providers").get(0).path("options").path("path").asText();
        assertThat(mounts).containsEntry(folder + "/hpo-dashboard.json", home.resolve("deploy/grafana/hpo-dashboard.json").toString());
    }

    private static String advertisedListener(String name) {
        for (String listener : services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText().split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener.substring(name.length() + 3);
            }
        }
        throw new AssertionError("Kafka advertises no " + name + " listener");
    }

    /** Topic -> its --config settings and "partitions", from the kafka-topics.sh lines of the init container. */
    private static Map<String, Map<String, String>> createdTopics() {
        String script = services.path("kafka-init").path("command").toString().replace("\\n", " ");
        Map<String, Map<String, String>> topics = new HashMap<>();
        Matcher topic = TOPIC.matcher(script);
        while (topic.find()) {
            Map<String, String> config = new HashMap<>();
            Matcher partitions = PARTITIONS.matcher(topic.group(2));
            if (partitions.find()) {
                config.put("partitions", partitions.group(1));
            }
            Matcher setting = CONFIG.matcher(topic.group(2));
            while (setting.find()) {
                config.put(setting.group(1), setting.group(2));
            }
            topics.put(topic.group(1), config);
        }
        return topics;
    }

    /** Container path -> host path of a service's bind mounts ("host:container[:mode]" after normalisation). */
    private static Map<String, String> volumes(JsonNode service) {
        Map<String, String> mounts = new HashMap<>();
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }
}
