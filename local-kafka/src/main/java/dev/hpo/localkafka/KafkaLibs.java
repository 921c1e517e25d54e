package dev.hpo.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the folder of jars that make up the broker's classpath (Kafka's own Maven artifacts). */
public final class KafkaLibs {

    /** System property naming the folder; the {@code ./hpo} script and the test runs set it. */
    public static final String PROPERTY = "hpo.kafka.libs";
    /** Environment variable naming the folder, read when the system property is absent. */
    public static final String ENV = "HPO_KAFKA_LIBS";
    private static final Path RELATIVE = Path.of("local-kafka", "target", "kafka-libs");

    private KafkaLibs() {
    }

    /**
     * Returns the folder from {@value #PROPERTY}, else {@value #ENV}, else the first
     * {@code local-kafka/target/kafka-libs} found from the working directory upwards.
     *
     * @throws IllegalStateException if no such folder holds the broker jar
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return checked(Path.of(configured), "set by " + PROPERTY + "/" + ENV);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return checked(candidate, "found above the working directory");
            }
        }
        throw new IllegalStateException("No Kafka broker jars: " + RELATIVE + " not found above "
                + Path.of("").toAbsolutePath() + " and neither -D" + PROPERTY + " nor " + ENV
                + " is set; run ./mvnw -pl local-kafka package first");
    }

    /** Returns the classpath of every jar in {@code libs}, as the {@code java -cp} wildcard. */
    static String classpath(Path libs) {
        return libs.toAbsolutePath().resolve("*").toString();
    }

    private static Path checked(Path libs, String origin) {
        if (!containsBrokerJar(libs)) {
            throw new IllegalStateException("No Kafka broker jar (kafka_2.13-*.jar) in " + libs.toAbsolutePath()
                    + " (" + origin + "); run ./mvnw -pl local-kafka package first");
        }
        return libs.toAbsolutePath();
    }

    private static boolean containsBrokerJar(Path libs) {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (Stream<Path> files = Files.list(libs)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + libs, e);
        }
    }
}
