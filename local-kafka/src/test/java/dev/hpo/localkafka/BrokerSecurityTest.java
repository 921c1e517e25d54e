package dev.hpo.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSecurityTest {

    private static final Path SECURITY = Path.of("/brokers/one/security");
    private static final BrokerSecurity MUTUAL_TLS = new BrokerSecurity(SECURITY, "hpo", "client-secret",
            "broker-secret", "store-secret", true);

    @Test
    void aSecuredBrokerListensForClientsAndItselfOnSaslSslWithScramSha512AndRequiresClientCertificates()
            throws Exception {
        Properties server = serverProperties(MUTUAL_TLS);

        assertThat(server.getProperty("listeners")).isEqualTo("SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(server.getProperty("advertised.listeners")).isEqualTo("SASL_SSL://127.0.0.1:9092");
        assertThat(server.getProperty("inter.broker.listener.name")).isEqualTo("SASL_SSL");
        assertThat(server.getProperty("listener.security.protocol.map")).isEqualTo("SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        assertThat(server.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(server.getProperty("sasl.mechanism.inter.broker.protocol")).isEqualTo("SCRAM-SHA-512");
        assertThat(server.getProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"broker\" "
                        + "password=\"broker-secret\";");
        assertThat(server.getProperty("ssl.keystore.location")).isEqualTo(SECURITY.resolve("broker.p12").toString());
        assertThat(server.getProperty("ssl.truststore.location")).isEqualTo(SECURITY.resolve("truststore.p12").toString());
        assertThat(server.getProperty("ssl.keystore.password")).isEqualTo("store-secret");
        assertThat(server.getProperty("listener.name.sasl_ssl.ssl.client.auth")).isEqualTo("required");
        assertThat(serverProperties(new BrokerSecurity(SECURITY, "hpo", "c", "b", "s", false))
                .getProperty("listener.name.sasl_ssl.ssl.client.auth")).isEqualTo("none");
    }

    @Test
    void aPlaintextBrokerHasNoSaslOrSslSettings() throws Exception {
        Properties server = serverProperties(null);

        assertThat(server.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(server.stringPropertyNames()).noneMatch(k -> k.startsWith("sasl.") || k.startsWith("ssl.")
                || k.startsWith("listener.name."));
    }

    @Test
    void clientPropertiesCarryTheScramLoginTheTruststoreAndWithMutualTlsTheKeystore() {
        Map<String, String> client = MUTUAL_TLS.client().kafkaProperties();

        assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"hpo\" password=\"client-secret\";")
                .containsEntry("ssl.truststore.location", SECURITY.resolve("truststore.p12").toString())
                .containsEntry("ssl.truststore.password", "store-secret")
                .containsEntry("ssl.keystore.location", SECURITY.resolve("client.p12").toString())
                .containsEntry("ssl.keystore.password", "store-secret");
        assertThat(new BrokerSecurity(SECURITY, "hpo", "c", "b", "s", false).client().kafkaProperties())
                .doesNotContainKeys("ssl.keystore.location", "ssl.keystore.password");
        assertThat(MUTUAL_TLS.client().withPassword("say \"hi\"\\").kafkaProperties().get("sasl.jaas.config"))
                .endsWith("password=\"say \\\"hi\\\"\\\\\";");
    }

    @Test
    void printedSettingsNameTheUserAndTheFilesButNoPassword() {
        assertThat(MUTUAL_TLS.client().toString()).contains("hpo", "truststore.p12", "client.p12")
                .doesNotContain("client-secret", "store-secret");
        assertThat(MUTUAL_TLS.toString()).doesNotContain("client-secret", "broker-secret", "store-secret");
    }

    @Test
    void formattingCreatesBothScramUsersFromSaltedPasswordsNeverThePasswordsThemselves() {
        assertThat(MUTUAL_TLS.scramArguments()).hasSize(4).satisfies(args -> {
            assertThat(args.get(0)).isEqualTo("--add-scram");
            assertThat(args.get(1)).matches("SCRAM-SHA-512=\\[name=hpo,iterations=4096,salt=\"[A-Za-z0-9+/=]+\","
                    + "saltedpassword=\"[A-Za-z0-9+/=]{88}\"]");
            assertThat(args.get(3)).startsWith("SCRAM-SHA-512=[name=broker,");
        });
        assertThat(String.join(" ", MUTUAL_TLS.scramArguments())).doesNotContain("client-secret", "broker-secret");
    }

    @Test
    void securingADirectoryFormattedWithoutScramUsersIsRefusedWithTheWayOut(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("meta.properties"), "cluster.id=x\n");

        assertThatThrownBy(() -> BrokerSecurity.prepare(dir, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("formatted without SCRAM users")
                .hasMessageContaining("delete it");
        assertThat(BrokerSecurity.read(dir)).isEmpty();
    }

    private static Properties serverProperties(BrokerSecurity security) throws Exception {
        BrokerConfig config = new BrokerConfig(9092, 9093, Path.of("/brokers/one"), false, Path.of("/brokers/one.log"),
                1, Map.of(), false, Optional.ofNullable(security));
        Properties props = new Properties();
        props.load(new StringReader(config.serverProperties()));
        return props;
    }
}
