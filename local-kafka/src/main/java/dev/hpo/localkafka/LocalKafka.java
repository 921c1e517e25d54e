package dev.hpo.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one) running in a JVM process of
 * its own, started from the jars that {@link KafkaLibs} finds.
 *
 * <p>An <em>attached</em> broker is destroyed by a shutdown hook when the starting JVM exits, and ends
 * itself if that JVM is killed (tests); a <em>detached</em> one runs in a session of its own and outlives
 * it ({@code ./hpo local up}).
 *
 * <p>A <em>secured</em> broker takes clients on SASL_SSL only, with SCRAM-SHA-512 and optionally client certificates
 * ({@link Builder#secured(boolean)}); {@link #clientProperties()} says how to connect.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A single-node controlled shutdown takes a few seconds; past this the broker is killed. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    private static LocalKafka shared;

    private final BrokerConfig config;
    private final Process process;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalKafka(BrokerConfig config, Process process) {
        this.config = config;
        this.process = process;
        this.shutdownHook = config.detached() ? null : new Thread(this::stop, "local-kafka-stop-" + process.pid());
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Returns a builder for an attached broker on free ports in a temporary directory. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns this JVM's shared attached broker, started with the defaults on first use, so that all
     * tests of a module run against one broker.
     */
    public static synchronized LocalKafka shared() {
        if (shared == null || !shared.isAlive()) {
            shared = builder().start();
        }
        return shared;
    }

    /** Returns the address clients connect to, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /**
     * Returns what a client needs to connect: {@code bootstrap.servers}, and for a secured broker
     * {@link ClientSecurity#kafkaProperties()}.
     */
    public Map<String, String> clientProperties() {
        return config.clientProperties();
    }

    /** Returns the client settings of a secured broker, or empty for a PLAINTEXT one. */
    public Optional<ClientSecurity> clientSecurity() {
        return config.security().map(BrokerSecurity::client);
    }

    /**
     * Secures every broker started on {@code directory} from now on, as {@link Builder#secured(boolean)} does:
     * for a caller that starts the broker elsewhere, or restarts it without knowing how it was started.
     *
     * @throws IllegalStateException as {@link Builder#secured(boolean)} describes
     */
    public static ClientSecurity secure(Path directory, boolean mutualTls) {
        return BrokerSecurity.prepare(directory, mutualTls).client();
    }

    /** Returns the client settings of the broker directory {@code directory} if it was secured, else empty. */
    public static Optional<ClientSecurity> clientSecurity(Path directory) {
        return BrokerSecurity.read(directory).map(BrokerSecurity::client);
    }

    /** Returns the broker process's id. */
    public long pid() {
        return process.pid();
    }

    /** Returns the file that receives the broker's output. */
    public Path logFile() {
        return config.logFile();
    }

    /** Returns the directory of the broker's config files and data ({@code data/}). */
    public Path directory() {
        return config.directory();
    }

    /** Returns whether the broker process is running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sets {@code configs} on share group {@code groupId} of this broker; see {@link ShareGroupConfig}. */
    public void configureShareGroup(String groupId, Map<String, String> configs) {
        ShareGroupConfig.apply(clientProperties(), groupId, configs);
    }

    /**
     * Stops the broker: SIGTERM (controlled shutdown), then SIGKILL if it is still running after
     * 20 s; then deletes the directory if it was temporary. Calling it again does nothing.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        terminate();
        if (config.temporary()) {
            deleteRecursively(config.directory());
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook then finds this broker stopped.
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void terminate() {
        try {
            process.destroy();
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the broker directory " + dir, e);
        }
    }

    /** Settings of a broker to start; every one has a default. */
    public static final class Builder {

        private int port;
        private int controllerPort;
        private Path directory;
        private Path logFile;
        private int partitions = 3;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private boolean detached;
        private boolean secured;
        private boolean mutualTls;

        private Builder() {
        }

        /** Sets the client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the KRaft controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * Keeps config and data in {@code directory}, which survives {@link #stop()}; a restart on the
         * same directory keeps the topics. By default a temporary directory is used and deleted.
         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Sets the file that receives the broker's output; by default {@code broker.log} in the directory. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Sets {@code num.partitions} of auto-created topics (default 3). */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /**
         * Adds a broker property that overrides the defaults, such as
         * {@code group.share.min.record.lock.duration.ms} or {@code group.share.delivery.count.limit}.
         */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(name, value);
            return this;
        }

        /** Makes the broker outlive this JVM (default: attached, destroyed when this JVM exits). */
        public Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /**
         * Secures the client port: SASL_SSL with SCRAM-SHA-512 for user {@code hpo}, a broker certificate for
         * 127.0.0.1 signed by a throwaway CA, and with {@code mutualTls} a client certificate required too. The
         * CA, the key stores and the passwords are made with the JDK's keytool in {@code <directory>/security} on
         * the first secured start and reused after; {@link LocalKafka#clientSecurity()} returns them. A directory
         * secured once stays secured, also when a later builder does not call this (a restart).
         *
         * <p>{@link #start()} then throws {@link IllegalStateException} if the directory was formatted by a
         * PLAINTEXT broker: SCRAM users are created only when the storage is formatted.
         */
        public Builder secured(boolean mutualTls) {
            this.secured = true;
            this.mutualTls = mutualTls;
            return this;
        }

        /**
         * Formats the storage, starts the broker and returns once an Admin client can list topics.
         *
         * @throws IllegalStateException if the jars are missing, or the broker exits or is not ready
         *     within 60 s; the message holds the tail of its log
         */
        public LocalKafka start() {
            BrokerConfig config = resolve();
            Process process = BrokerLauncher.launch(config, KafkaLibs.locate());
            LocalKafka kafka = new LocalKafka(config, process);
            try {
                BrokerReadiness.await(process, config, READY_TIMEOUT);
            } catch (RuntimeException e) {
                kafka.stop();
                throw e;
            }
            return kafka;
        }

        private BrokerConfig resolve() {
            List<Integer> free = FreePorts.pick(2);
            int brokerPort = port != 0 ? port : free.get(0);
            int ctrlPort = controllerPort != 0 ? controllerPort : free.get(brokerPort == free.get(1) ? 0 : 1);
            boolean temporary = directory == null;
            Path dir = temporary ? createTempDirectory() : directory.toAbsolutePath();
            Path log = logFile != null ? logFile.toAbsolutePath() : dir.resolve("broker.log");
            Optional<BrokerSecurity> security = secured ? Optional.of(BrokerSecurity.prepare(dir, mutualTls))
                    : BrokerSecurity.read(dir);
            return new BrokerConfig(brokerPort, ctrlPort, dir, temporary, log, partitions, brokerProperties, detached,
                    security);
        }

        private static Path createTempDirectory() {
            try {
                return Files.createTempDirectory("local-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for the Kafka broker", e);
            }
        }
    }
}
