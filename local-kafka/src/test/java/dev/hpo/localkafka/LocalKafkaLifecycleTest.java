package dev.hpo.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaLifecycleTest {

    @Test
    void appliesPartitionsAndBrokerPropertiesAndStopFreesThePortAndDeletesTheTemporaryDirectory() throws Exception {
        LocalKafka kafka = LocalKafka.builder()
                .partitions(1)
                .brokerProperty("group.share.delivery.count.limit", "3")
                .start();
        int port = Integer.parseInt(kafka.bootstrapServers().substring("127.0.0.1:".length()));
        Path directory = kafka.directory();
        try (Admin admin = admin(kafka)) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            assertThat(admin.describeConfigs(List.of(broker)).all().get().get(broker)
                    .get("group.share.delivery.count.limit").value()).isEqualTo("3");
            assertThat(admin.describeConfigs(List.of(broker)).all().get().get(broker)
                    .get("num.partitions").value()).isEqualTo("1");
        }
        assertThat(Files.isDirectory(directory.resolve("data"))).isTrue();

        kafka.stop();

        assertThat(kafka.isAlive()).isFalse();
        assertThat(ProcessHandle.of(kafka.pid())).isEmpty();
        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(directory).doesNotExist();
    }

    @Test
    void detachedBrokerRunsInItsOwnSessionAndARestartOnItsDirectoryKeepsTheTopics(@TempDir Path dir)
            throws Exception {
        LocalKafka first = LocalKafka.builder().detached(true).directory(dir).start();
        try (Admin admin = admin(first)) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
        }
        assertThat(sessionId(first.pid())).isEqualTo(first.pid());
        assertThat(ProcessHandle.of(first.pid()).flatMap(h -> h.info().command()).orElseThrow()).endsWith("/java");
        first.stop();
        assertThat(dir.resolve("data")).isDirectory();

        LocalKafka second = LocalKafka.builder().directory(dir).start();
        try (Admin admin = admin(second)) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        } finally {
            second.stop();
        }
    }

    @Test
    void attachedBrokerEndsWhenTheJvmThatStartedItIsKilled(@TempDir Path dir) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + KafkaLibs.PROPERTY + "=" + KafkaLibs.locate(),
                "-cp", System.getProperty("java.class.path"), BrokerHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long brokerPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("broker-pid ")) {
                line = out.readLine();
            }
            assertThat(line).as("the holder JVM's output").isNotNull();
            brokerPid = Long.parseLong(line.substring("broker-pid ".length()));
            ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();

            holder.destroyForcibly().waitFor();

            broker.onExit().get(60, TimeUnit.SECONDS);
            assertThat(broker.isAlive()).isFalse();
        }
    }

    @Test
    void missingJarFolderIsReportedWithTheBuildCommand(@TempDir Path empty) {
        String before = System.getProperty(KafkaLibs.PROPERTY);
        System.setProperty(KafkaLibs.PROPERTY, empty.toString());
        try {
            assertThatThrownBy(KafkaLibs::locate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(empty.toString())
                    .hasMessageContaining("run ./mvnw -pl local-kafka package first");
        } finally {
            if (before == null) {
                System.clearProperty(KafkaLibs.PROPERTY);
            } else {
                System.setProperty(KafkaLibs.PROPERTY, before);
            }
        }
    }

    /** Field 6 of {@code /proc/<pid>/stat} is the session id; the command name in field 2 has no spaces here. */
    private static long sessionId(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        return Long.parseLong(afterName.split(" ")[3]);
    }

    private static Admin admin(LocalKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
