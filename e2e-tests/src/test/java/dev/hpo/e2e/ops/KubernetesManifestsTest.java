package dev.hpo.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hpo.cli.local.RepoHome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests under deploy/k8s, as {@code kubectl kustomize} renders each overlay, against the
 * services' own configuration: ports, health paths, environment, topics, the pool the autoscaler watches.
 */
class KubernetesManifestsTest {

    private static final String OPTIMIZER = "hpo-optimizer";
    private static final String TRAINER = "hpo-trainer";
    private static final String GPU = "nvidia.com/gpu";
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
    /** The custom resources the manifests may hold, and the spec fields each kind's CRD defines. */
    private static final Map<String, Set<String>> CUSTOM_SPEC_FIELDS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", Set.of("scaleTargetRef", "minReplicaCount", "maxReplicaCount",
                    "idleReplicaCount", "pollingInterval", "cooldownPeriod", "initialCooldownPeriod", "fallback",
                    "advanced", "triggers"),
            "monitoring.coreos.com/v1/ServiceMonitor", Set.of("selector", "endpoints", "jobLabel",
                    "namespaceSelector", "targetLabels", "podTargetLabels", "sampleLimit"),
            "monitoring.coreos.com/v1/PodMonitor", Set.of("selector", "podMetricsEndpoints", "jobLabel",
                    "namespaceSelector", "podTargetLabels", "sampleLimit"),
            "monitoring.coreos.com/v1/PrometheusRule", Set.of("groups"),
            "kafka.strimzi.io/v1/Kafka", Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter",
                    "clusterCa", "clientsCa", "maintenanceTimeWindows"),
            "kafka.strimzi.io/v1/KafkaNodePool", Set.of("replicas", "roles", "storage", "resources",
                    "jvmOptions", "template"),
            "kafka.strimzi.io/v1/KafkaTopic", Set.of("topicName", "partitions", "replicas", "config"),
            "kafka.strimzi.io/v1/KafkaUser", Set.of("authentication", "authorization", "quotas", "template"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, KubernetesManifests> OVERLAYS = new HashMap<>();

    @BeforeAll
    static void render() {
        for (String overlay : List.of("cpu", "gpu")) {
            OVERLAYS.put(overlay, KubernetesManifests.render(overlay));
        }
    }

    /** Whether a node with GPU Feature Discovery's compute-capability labels matches one of the terms. */
    private static boolean admits(List<NodeSelectorTerm> terms, String major, String minor) {
        Map<String, String> labels = Map.of("nvidia.com/gpu.compute.major", major, "nvidia.com/gpu.compute.minor",
                minor);
        return terms.stream().anyMatch(term -> term.getMatchExpressions().stream().allMatch(e -> {
            String value = labels.get(e.getKey());
            return switch (e.getOperator()) {
                case "In" -> value != null && e.getValues().contains(value);
                case "Gt" -> value != null && Integer.parseInt(value) > Integer.parseInt(e.getValues().get(0));
                default -> throw new IllegalArgumentException("operator " + e.getOperator() + " not modelled");
            };
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyRenderedDocumentIsAKnownKindWithoutUnknownFields(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);

        assertThat(k8s.unknownFields()).as("fields the Kubernetes model does not know").isEmpty();
        for (HasMetadata r : k8s.all()) {
            assertThat(r.getMetadata().getNamespace()).as(id(r)).isEqualTo("Namespace".equals(r.getKind()) ? null : "hpo");
            if (r instanceof GenericKubernetesResource custom) {
                String type = r.getApiVersion() + "/" + r.getKind();
                assertThat(CUSTOM_SPEC_FIELDS).as("%s: a custom resource this test knows; a typo in a built-in "
                        + "kind's apiVersion also lands here", id(r)).containsKey(type);
                Map<String, Object> spec = custom.get("spec");
                assertThat(CUSTOM_SPEC_FIELDS.get(type)).as("spec fields of " + id(r)).containsAll(spec.keySet());
            }
        }
        Set<String> kinds = k8s.all().stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactly("ConfigMap", "Deployment", "Kafka", "KafkaNodePool", "KafkaTopic",
                "KafkaUser", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "PodMonitor", "PrometheusRule", "ScaledObject",
                "Service", "ServiceMonitor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void probesAskTheHealthEndpointsOnThePortOfApplicationProperties(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        Map<String, ServiceProperties> services = Map.of(OPTIMIZER, ServiceProperties.optimizer(),
                TRAINER, ServiceProperties.trainer());

        services.forEach((name, properties) -> {
            Container c = container(k8s.get(Deployment.class, name));
            int port = properties.httpPort();
            assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).as(name).containsExactly(port);
            assertThat(env(k8s, c, properties.variable("quarkus.http.port"))).as(name).isEqualTo(Integer.toString(port));
            assertThat(httpGet(c.getLivenessProbe(), name)).satisfies(g -> {
                assertThat(g.getPath()).isEqualTo("/q/health/live");
                assertThat(portNumber(c, g)).isEqualTo(port);
            });
            assertThat(httpGet(c.getReadinessProbe(), name)).satisfies(g -> {
                assertThat(g.getPath()).isEqualTo("/q/health/ready");
                assertThat(portNumber(c, g)).isEqualTo(port);
            });
            if (c.getStartupProbe() != null) {
                assertThat(HEALTH_PATHS).contains(httpGet(c.getStartupProbe(), name).getPath());
                assertThat(portNumber(c, httpGet(c.getStartupProbe(), name))).isEqualTo(port);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void containersRunAsNonRootOnAReadOnlyRootFilesystemWithRequestsAndLimits(String overlay) {
        for (Deployment d : deployments(OVERLAYS.get(overlay))) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(id(d)).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(id(d)).isPositive();
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(id(d)).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(id(d)).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(id(d)).containsExactly("ALL");
                for (Map<String, Quantity> bounds : List.of(c.getResources().getRequests(), c.getResources().getLimits())) {
                    assertThat(bounds).as(id(d)).containsKeys("cpu", "memory");
                }
                assertThat(Quantity.getAmountInBytes(c.getResources().getRequests().get("memory")))
                        .as(id(d) + " memory request <= limit")
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")));
                // Read-only root: whatever writes (Vert.x's cache in /tmp, JavaCPP's natives) has a volume.
                assertThat(c.getVolumeMounts()).extracting(m -> m.getMountPath()).as(id(d)).contains("/tmp");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void servicesReachTheStrimziClusterAndTheTrainersServeThePoolWhoseTopicExists(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        GenericKubernetesResource kafka = k8s.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        Object plainPort = listeners.stream().filter(l -> Boolean.FALSE.equals(l.get("tls"))).findFirst().orElseThrow()
                .get("port");
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap." + kafka.getMetadata().getNamespace()
                + ".svc:" + plainPort;

        for (Map.Entry<String, ServiceProperties> e : Map.of(OPTIMIZER, ServiceProperties.optimizer(),
                TRAINER, ServiceProperties.trainer()).entrySet()) {
            Container c = container(k8s.get(Deployment.class, e.getKey()));
            assertThat(env(k8s, c, e.getValue().variable("kafka.bootstrap.servers"))).as(e.getKey()).isEqualTo(bootstrap);
        }
        Container trainer = container(k8s.get(Deployment.class, TRAINER));
        String pool = env(k8s, trainer, ServiceProperties.trainer().variable("hpo.worker.pool"));
        assertThat(pool).isEqualTo(ServiceProperties.trainer().defaultValue("hpo.worker.pool"));
        assertThat(k8s.get(Deployment.class, TRAINER).getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("hpo.dev/pool", pool);
        assertThat(env(k8s, trainer, ServiceProperties.trainer().variable("hpo.worker.id")))
                .as("one worker name per pod").isEqualTo("metadata.name");
        assertThat(k8s.custom("KafkaTopic")).extracting(t -> t.getMetadata().getName()).contains("hpo.trials." + pool);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void bothServicesTakeTheKafkaLoginFromTheOptionalSecretAndStrimziHasTheirScramUserOnTheTlsListener(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        for (String name : List.of(OPTIMIZER, TRAINER)) {
            assertThat(container(k8s.get(Deployment.class, name)).getEnvFrom()).as(name).anySatisfy(source -> {
                assertThat(source.getSecretRef().getName()).isEqualTo("hpo-kafka-credentials");
                assertThat(source.getSecretRef().getOptional()).as("the manifests apply without the Secret").isTrue();
            });
        }
        for (ServiceProperties service : List.of(ServiceProperties.optimizer(), ServiceProperties.trainer())) {
            assertThat(service.variable("kafka.security.protocol")).isEqualTo("KAFKA_SECURITY_PROTOCOL");
            assertThat(service.defaultValue("kafka.security.protocol")).isEqualTo("PLAINTEXT");
        }
        GenericKubernetesResource kafka = k8s.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        assertThat(listeners).filteredOn(l -> Boolean.TRUE.equals(l.get("tls")))
                .anySatisfy(l -> assertThat(l.get("authentication")).isEqualTo(Map.of("type", "scram-sha-512")));
        GenericKubernetesResource user = k8s.custom("KafkaUser", "hpo");
        assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        assertThat(user.<String>get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
        Map<String, Object> entityOperator = kafka.get("spec", "entityOperator");
        assertThat(entityOperator).as("the user operator reconciles KafkaUsers").containsKey("userOperator");
    }

    @Test
    void theGpuOverlayGivesEachTrainerOneGpuOnTuringOrNewerNodesAndTheCudaImageAndTheCpuOverlayNoGpu() {
        Deployment gpu = OVERLAYS.get("gpu").get(Deployment.class, TRAINER);
        Container c = container(gpu);
        assertThat(c.getResources().getRequests()).containsEntry(GPU, new Quantity("1"));
        assertThat(c.getResources().getLimits()).containsEntry(GPU, new Quantity("1"));
        assertThat(c.getImage()).endsWith("-cuda");
        assertThat(gpu.getSpec().getTemplate().getSpec().getTolerations())
                .anySatisfy(t -> assertThat(t.getKey()).isEqualTo(GPU));
        assertThat(gpu.getSpec().getTemplate().getSpec().getNodeSelector()).isNotEmpty();
        List<NodeSelectorTerm> terms = gpu.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        // CUDA 13's NVRTC compiles for sm_75 and later: Hopper (9.0) and Blackwell (10.0, 12.0) are admitted,
        // Turing (7.5) too, Volta (7.0) and Pascal (6.1) are not
        assertThat(admits(terms, "9", "0")).as("Hopper").isTrue();
        assertThat(admits(terms, "10", "0")).as("Blackwell").isTrue();
        assertThat(admits(terms, "7", "5")).as("Turing").isTrue();
        assertThat(admits(terms, "8", "6")).as("Ampere").isTrue();
        assertThat(admits(terms, "7", "0")).as("Volta").isFalse();
        assertThat(admits(terms, "6", "1")).as("Pascal").isFalse();
        assertThat(env(OVERLAYS.get("gpu"), c, "HPO_DEVICE")).isEqualTo("cuda");
        assertThat(container(OVERLAYS.get("gpu").get(Deployment.class, OPTIMIZER)).getResources().getLimits())
                .doesNotContainKey(GPU);

        Container cpu = container(OVERLAYS.get("cpu").get(Deployment.class, TRAINER));
        assertThat(cpu.getResources().getLimits()).doesNotContainKey(GPU);
        assertThat(cpu.getImage()).doesNotContain("cuda");
        assertThat(env(OVERLAYS.get("cpu"), cpu, "OMP_NUM_THREADS")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void kedaScalesTheTrainerDeploymentFromZeroOnTheQueuedTrialsOfItsPool(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        GenericKubernetesResource scaled = k8s.custom("ScaledObject", TRAINER);
        Container trainer = container(k8s.get(Deployment.class, TRAINER));
        String pool = env(k8s, trainer, ServiceProperties.trainer().variable("hpo.worker.pool"));

        assertThat((String) scaled.get("spec", "scaleTargetRef", "name")).isEqualTo(TRAINER);
        assertThat((Integer) scaled.get("spec", "minReplicaCount")).isZero();
        assertThat((Integer) scaled.get("spec", "maxReplicaCount")).isPositive();
        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        assertThat(triggers).hasSize(1);
        Map<String, Object> trigger = triggers.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        if ("kafka".equals(trigger.get("type"))) {
            assertThat(metadata).containsEntry("topic", "hpo.trials." + pool)
                    .containsEntry("consumerGroup", "hpo-workers-" + pool);
        } else {
            assertThat(trigger.get("type")).isEqualTo("prometheus");
            assertThat((String) metadata.get("query")).contains("hpo_trials_queued{pool=\"" + pool + "\"}");
            assertThat(metadata).containsKeys("serverAddress", "threshold");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void strimziRunsKraftNodePoolsAndDeclaresEveryTopicWithTheRetentionRecoveryNeeds(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        GenericKubernetesResource kafka = k8s.custom("Kafka").get(0);
        String cluster = kafka.getMetadata().getName();
        List<GenericKubernetesResource> pools = k8s.custom("KafkaNodePool");
        assertThat(pools).allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        Set<Object> roles = new HashSet<>();
        pools.forEach(p -> roles.addAll(p.<List<Object>>get("spec", "roles")));
        assertThat(roles).as("KRaft: controllers and brokers, no ZooKeeper").containsExactlyInAnyOrder("controller", "broker");
        assertThat(kafka.getAdditionalProperties().get("spec").toString()).doesNotContain("zookeeper");
        int brokers = pools.stream().filter(p -> p.<List<Object>>get("spec", "roles").contains("broker"))
                .mapToInt(p -> p.<Integer>get("spec", "replicas")).sum();
        Map<String, Object> brokerConfig = kafka.get("spec", "kafka", "config");
        assertThat(((Number) brokerConfig.get("share.coordinator.state.topic.replication.factor")).intValue())
                .isBetween(1, brokers);

        Set<String> topics = new TreeSet<>(ServiceProperties.optimizer().topics());
        topics.add("hpo.trials." + ServiceProperties.trainer().defaultValue("hpo.worker.pool"));
        Map<String, GenericKubernetesResource> declared = k8s.custom("KafkaTopic").stream()
                .collect(Collectors.toMap(KubernetesManifestsTest::topicName, t -> t));
        assertThat(declared.keySet()).containsAll(topics);
        for (GenericKubernetesResource t : declared.values()) {
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            assertThat(t.<Integer>get("spec", "replicas")).as(topicName(t)).isBetween(1, brokers);
        }
        Map<String, Object> results = declared.get("hpo.results").get("spec", "config");
        assertThat(results).as("hpo.results keeps every record").containsEntry("cleanup.policy", "delete");
        assertThat(((Number) results.get("retention.ms")).longValue()).isEqualTo(-1L);
        assertThat(declared.get("hpo.studies").<String>get("spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat(declared.get("hpo.trials.dl4j").<String>get("spec", "config", "cleanup.policy")).isEqualTo("delete");
        assertThat(declared.get("hpo.trials.dl4j").<Integer>get("spec", "partitions"))
                .as("one partition, which the share group gives to every trainer (TopicSetup)").isEqualTo(1);
        for (String keyedByStudy : List.of("hpo.studies", "hpo.progress")) {
            assertThat(declared.get(keyedByStudy).<Integer>get("spec", "partitions")).as("co-partitioned with hpo.results")
                    .isEqualTo(declared.get("hpo.results").<Integer>get("spec", "partitions"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void monitorsScrapeQuarkusMetricsUnderTheJobNamesTheRulesUseAndThePrometheusRuleIsTheRulesFile(String overlay)
            throws Exception {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        Service service = k8s.get(Service.class, OPTIMIZER);
        GenericKubernetesResource serviceMonitor = k8s.custom("ServiceMonitor", OPTIMIZER);
        Map<String, Object> selected = serviceMonitor.get("spec", "selector", "matchLabels");
        assertThat(selected).isEqualTo(service.getMetadata().getLabels().entrySet().stream()
                        .filter(e -> e.getKey().equals("app.kubernetes.io/name"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        List<Map<String, Object>> endpoints = serviceMonitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("path", "/q/metrics");
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains((String) e.get("port"));
        });
        // The Prometheus Operator names a ServiceMonitor's job after the Service: the rules' job="hpo-optimizer".
        assertThat(service.getMetadata().getName()).isEqualTo(OPTIMIZER);

        Deployment trainer = k8s.get(Deployment.class, TRAINER);
        GenericKubernetesResource podMonitor = k8s.custom("PodMonitor", TRAINER);
        Map<String, String> podLabels = trainer.getSpec().getTemplate().getMetadata().getLabels();
        String jobLabel = podMonitor.get("spec", "jobLabel");
        assertThat(podLabels).containsEntry(jobLabel, TRAINER);
        Map<String, String> selector = podMonitor.get("spec", "selector", "matchLabels");
        assertThat(podLabels).containsAllEntriesOf(selector);
        List<Map<String, Object>> podEndpoints = podMonitor.get("spec", "podMetricsEndpoints");
        assertThat(podEndpoints).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("path", "/q/metrics");
            assertThat(container(trainer).getPorts()).extracting(ContainerPort::getName).contains((String) e.get("port"));
            assertThat(e.get("relabelings").toString()).contains("__meta_kubernetes_pod_label_hpo_dev_pool")
                    .contains("targetLabel=pool");
        });

        JsonNode rulesFile = new YAMLMapper().readTree(RepoHome.locate().resolve("deploy/prometheus/hpo-rules.yml").toFile());
        JsonNode ruleResource = JSON.valueToTree(k8s.custom("PrometheusRule").get(0).<Object>get("spec"));
        assertThat(ruleResource.get("groups")).isEqualTo(rulesFile.get("groups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void theOptimizerServiceThePodDisruptionBudgetAndTheNetworkPoliciesSelectThePodsOfTheirDeployments(String overlay) {
        KubernetesManifests k8s = OVERLAYS.get(overlay);
        Deployment optimizer = k8s.get(Deployment.class, OPTIMIZER);
        Deployment trainer = k8s.get(Deployment.class, TRAINER);
        Service service = k8s.get(Service.class, OPTIMIZER);

        assertThat(podLabels(optimizer)).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p ->
                assertThat(container(optimizer).getPorts()).extracting(ContainerPort::getName)
                        .contains(p.getTargetPort().getStrVal()));
        for (Deployment d : List.of(optimizer, trainer)) {
            PodDisruptionBudget pdb = k8s.get(PodDisruptionBudget.class, d.getMetadata().getName());
            assertThat(podLabels(d)).as(id(d)).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        }
        // Three replicas share the partitions of hpo.studies; a drain takes one at a time.
        assertThat(optimizer.getSpec().getReplicas()).isEqualTo(3);
        assertThat(k8s.get(PodDisruptionBudget.class, OPTIMIZER).getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1);
        // Each replica advertises its pod's address, on the port it serves, for requests forwarded to it.
        ServiceProperties properties = ServiceProperties.optimizer();
        assertThat(container(optimizer).getEnv()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(properties.variable("hpo.optimizer.advertised-url"));
            assertThat(v.getValue()).isEqualTo("http://$(POD_IP):" + properties.httpPort());
        }).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("POD_IP");
            assertThat(v.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        });
        for (Deployment d : List.of(optimizer, trainer)) {
            NetworkPolicy policy = k8s.get(NetworkPolicy.class, d.getMetadata().getName());
            assertThat(podLabels(d)).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
            int port = container(d).getPorts().get(0).getContainerPort();
            assertThat(policy.getSpec().getIngress()).flatExtracting(r -> r.getPorts())
                    .extracting(p -> p.getPort().getIntVal()).as("metrics and health stay reachable").contains(port);
        }
    }

    private static Container container(Deployment d) {
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).as(id(d)).hasSize(1);
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<Deployment> deployments(KubernetesManifests k8s) {
        return k8s.all().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    private static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    /**
     * The value a container sees for {@code name}: a literal, a key of a rendered ConfigMap, or, for a
     * field reference, its field path.
     */
    private static String env(KubernetesManifests k8s, Container c, String name) {
        EnvVar var = c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no environment variable " + name));
        if (var.getValueFrom() == null) {
            return var.getValue();
        }
        if (var.getValueFrom().getFieldRef() != null) {
            return var.getValueFrom().getFieldRef().getFieldPath();
        }
        var ref = var.getValueFrom().getConfigMapKeyRef();
        String value = k8s.get(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
        assertThat(value).as("ConfigMap %s key %s", ref.getName(), ref.getKey()).isNotNull();
        return value;
    }

    private static HTTPGetAction httpGet(Probe probe, String what) {
        assertThat(probe).as(what + " probe").isNotNull();
        assertThat(probe.getHttpGet()).as(what + " probe is an HTTP GET").isNotNull();
        return probe.getHttpGet();
    }

    /** The container port a probe's port (a number or a port name) stands for. */
    private static int portNumber(Container c, HTTPGetAction get) {
        if (get.getPort().getIntVal() != null) {
            return get.getPort().getIntVal();
        }
        return c.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + get.getPort().getStrVal())).getContainerPort();
    }

    private static String topicName(GenericKubernetesResource topic) {
        String name = topic.get("spec", "topicName");
        return name != null ? name : topic.getMetadata().getName();
    }

    private static String id(HasMetadata r) {
        return r.getKind() + "/" + r.getMetadata().getName();
    }
}
