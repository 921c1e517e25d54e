package dev.hpo.localkafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/** Writes a broker's config files, formats its storage and starts the broker in a new JVM. */
final class BrokerLauncher {

    private static final long FORMAT_TIMEOUT_SECONDS = 60;
    private static final String LOG4J_RESOURCE = "log4j2-broker.properties";
    private static final File NO_INPUT = new File("/dev/null");

    private BrokerLauncher() {
    }

    /** Prepares {@code config.directory()} and starts the broker; it is not ready yet when this returns. */
    static Process launch(BrokerConfig config, Path libs) {
        try {
            writeConfigFiles(config);
            // A directory that an earlier broker formatted keeps its cluster id and topics; formatting it
            // again, even with --ignore-formatted, leaves a second cluster id that the broker rejects.
            if (!BrokerConfig.isFormatted(config.directory())) {
                format(config, libs);
            }
            return config.detached() ? startDetached(config, libs) : startAttached(config, libs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker in " + config.directory(), e);
        }
    }

    private static Process startDetached(BrokerConfig config, Path libs) throws IOException {
        List<String> command = javaCommand(config, KafkaLibs.classpath(libs), "-Xmx512m", "kafka.Kafka");
        command.add(config.serverPropertiesFile().toString());
        return start(DetachedCommand.of(command), config.logFile(), Redirect.from(NO_INPUT));
    }

    /** Starts the broker under {@link AttachedBrokerMain}, its stdin a pipe from this JVM that closes when it dies. */
    private static Process startAttached(BrokerConfig config, Path libs) throws IOException {
        String classpath = KafkaLibs.classpath(libs) + File.pathSeparator + copyAttachedMain(config);
        List<String> command = javaCommand(config, classpath, "-Xmx512m", AttachedBrokerMain.class.getName());
        command.add(config.serverPropertiesFile().toString());
        return start(command, config.logFile(), Redirect.PIPE);
    }

    private static void writeConfigFiles(BrokerConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.logFile().toAbsolutePath().getParent());
        Files.writeString(config.serverPropertiesFile(), config.serverProperties(), StandardCharsets.UTF_8);
        // It may hold the passwords of the broker's SCRAM user and key stores.
        Files.setPosixFilePermissions(config.serverPropertiesFile(), PosixFilePermissions.fromString("rw-------"));
        try (InputStream log4j = BrokerLauncher.class.getResourceAsStream(LOG4J_RESOURCE)) {
            if (log4j == null) {
                throw new IllegalStateException("Resource " + LOG4J_RESOURCE + " missing from the local-kafka jar");
            }
            Files.copy(log4j, config.log4jConfigFile(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Copies {@link AttachedBrokerMain}'s class file to {@code classes/} in the broker's directory and
     * returns that folder. Copied, not referenced where it lies: in a Quarkus test this module's classes
     * come from a class loader, not necessarily from a file the broker's JVM could read.
     */
    private static Path copyAttachedMain(BrokerConfig config) throws IOException {
        Path classes = config.directory().resolve("classes");
        String name = AttachedBrokerMain.class.getSimpleName() + ".class";
        Path target = classes.resolve(AttachedBrokerMain.class.getPackageName().replace('.', '/')).resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream bytes = AttachedBrokerMain.class.getResourceAsStream(name)) {
            if (bytes == null) {
                throw new IllegalStateException("Class file " + name + " missing from the local-kafka jar");
            }
            Files.copy(bytes, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return classes;
    }

    /**
     * Runs {@code StorageTool format}; the cluster id comes from kafka-clients rather than from
     * {@code StorageTool random-uuid}, which saves a JVM start.
     */
    private static void format(BrokerConfig config, Path libs) throws IOException {
        List<String> command = javaCommand(config, KafkaLibs.classpath(libs), "-Xmx256m", "kafka.tools.StorageTool");
        command.addAll(List.of("format", "-t", Uuid.randomUuid().toString(),
                "-c", config.serverPropertiesFile().toString()));
        config.security().ifPresent(s -> command.addAll(s.scramArguments()));
        Process format = start(command, config.logFile(), Redirect.from(NO_INPUT));
        try {
            if (!format.waitFor(FORMAT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka StorageTool format did not finish within "
                        + FORMAT_TIMEOUT_SECONDS + " s; last lines of " + config.logFile() + ":\n"
                        + LogTail.of(config.logFile(), 40));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Kafka StorageTool format failed with exit code " + format.exitValue()
                    + "; last lines of " + config.logFile() + ":\n" + LogTail.of(config.logFile(), 40));
        }
    }

    private static List<String> javaCommand(BrokerConfig config, String classpath, String heap, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + config.log4jConfigFile().toAbsolutePath());
        // Names the broker's directory in `ps` output, so a stray broker can be told apart.
        command.add("-Dhpo.local-kafka=" + config.directory().toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
    }

    private static Process start(List<String> command, Path logFile, Redirect input) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(input)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .start();
    }
}
