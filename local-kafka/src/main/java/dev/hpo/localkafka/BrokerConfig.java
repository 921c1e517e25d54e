package dev.hpo.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resolved settings of one single-node KRaft broker and the {@code server.properties} they make.
 *
 * @param port the client port: PLAINTEXT, or SASL_SSL when {@code security} is present
 * @param controllerPort the KRaft controller port
 * @param directory where the broker's config files and data live
 * @param temporary whether {@code directory} was created for this broker and is deleted when it stops
 * @param logFile where the broker process writes its stdout and stderr
 * @param partitions {@code num.partitions} for auto-created topics
 * @param extraProperties broker properties that override the defaults below
 * @param detached whether the broker outlives the JVM that started it
 * @param security the secured client listener, or empty for PLAINTEXT
 */
record BrokerConfig(int port, int controllerPort, Path directory, boolean temporary, Path logFile,
        int partitions, Map<String, String> extraProperties, boolean detached, Optional<BrokerSecurity> security) {

    BrokerConfig {
        if (port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        extraProperties = Map.copyOf(extraProperties);
    }

    /** Returns whether the storage under {@code directory} was formatted (it holds a cluster id then). */
    static boolean isFormatted(Path directory) {
        return Files.exists(directory.resolve("data").resolve("meta.properties"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Returns what a client needs to connect: {@code bootstrap.servers}, and the security settings if any. */
    Map<String, String> clientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        security.ifPresent(s -> props.putAll(s.client().kafkaProperties()));
        return props;
    }

    Path serverPropertiesFile() {
        return directory.resolve("server.properties");
    }

    Path log4jConfigFile() {
        return directory.resolve("log4j2.properties");
    }

    Path dataDir() {
        return directory.resolve("data");
    }

    private String clientListener() {
        return security.isPresent() ? ClientSecurity.PROTOCOL : "PLAINTEXT";
    }

    /** Returns the text of {@code server.properties}: the defaults, then {@link #extraProperties()}. */
    String serverProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String listener = clientListener();
        props.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", listener + "://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", listener);
        props.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        security.ifPresent(s -> props.putAll(s.serverProperties()));
        props.put("log.dirs", dataDir().toAbsolutePath().toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("auto.create.topics.enable", "true");
        // One node: every internal topic must accept a single replica, or it is never created and
        // consumers (classic and share groups alike) silently receive nothing (see STACK.md).
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // The internal topics are created on first use; 50 partitions each (the default) cost
        // seconds on a small machine and buy nothing on one node.
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.num.partitions", "3");
        // No reason to delay the first rebalance with a single member per test group.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(extraProperties);
        return props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
