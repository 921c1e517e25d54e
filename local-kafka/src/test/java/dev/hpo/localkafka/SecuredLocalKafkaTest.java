package dev.hpo.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A broker secured with SCRAM-SHA-512 over TLS and required client certificates, against real clients. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredLocalKafkaTest {

    @TempDir
    static Path dir;

    private static LocalKafka kafka;
    private static ClientSecurity security;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.builder().directory(dir).secured(true).start();
        security = kafka.clientSecurity().orElseThrow();
    }

    @AfterAll
    static void stopBroker() {
        kafka.stop();
    }

    @Test
    @Order(1)
    void theCaSignsABrokerCertificateFor127001AndAClientCertificateAndTheSecretsAreTheOwnersOnly() throws Exception {
        X509Certificate ca = (X509Certificate) load(security.truststore()).getCertificate("ca");
        KeyStore broker = load(dir.resolve("security").resolve("broker.p12"));
        Certificate[] brokerChain = broker.getCertificateChain("broker");
        X509Certificate brokerCert = (X509Certificate) brokerChain[0];
        X509Certificate clientCert = (X509Certificate) load(security.keystore()).getCertificateChain("client")[0];

        assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
        assertThat(brokerChain).hasSize(2);
        brokerCert.verify(ca.getPublicKey());
        clientCert.verify(ca.getPublicKey());
        assertThat(brokerCert.getSubjectAlternativeNames()).extracting(san -> (Object) san.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1");
        assertThat(clientCert.getSubjectX500Principal().getName()).isEqualTo("CN=hpo");
        assertThat(Files.readString(security.caCertificate())).startsWith("-----BEGIN CERTIFICATE-----");
        for (Path secret : List.of(dir.resolve("security"), dir.resolve("security").resolve("credentials.properties"),
                dir.resolve("security").resolve("client.properties"), dir.resolve("server.properties"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .matches("rw[x-]------");
        }
    }

    @Test
    @Order(2)
    void aClientWithTheScramLoginTheTruststoreAndItsCertificateCreatesAndListsTopics() throws Exception {
        assertThat(kafka.clientProperties()).containsEntry("bootstrap.servers", kafka.bootstrapServers())
                .containsEntry("security.protocol", "SASL_SSL");
        try (Admin admin = admin(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secured");
        }
    }

    /** The shape of a Kubernetes Secret: certificates and key as PEM text in the settings, no files. */
    @Test
    @Order(3)
    void aClientGivenTheCaAndItsCertificateAndKeyAsPemTextConnectsToo() throws Exception {
        KeyStore client = load(security.keystore());
        Map<String, String> pem = withoutStores(kafka.clientProperties());
        pem.put("ssl.truststore.type", "PEM");
        pem.put("ssl.truststore.certificates", Files.readString(security.caCertificate()));
        pem.put("ssl.keystore.type", "PEM");
        pem.put("ssl.keystore.certificate.chain", pem("CERTIFICATE", client.getCertificate("client").getEncoded()));
        Key key = client.getKey("client", security.storePassword().toCharArray());
        pem.put("ssl.keystore.key", pem("PRIVATE KEY", key.getEncoded()));

        try (Admin admin = admin(pem)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secured");
        }
    }

    @Test
    @Order(4)
    void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties());
        wrong.putAll(security.withPassword("not-the-password").kafkaProperties());

        assertThat(listTopicsFailure(wrong)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("invalid credentials");
    }

    @Test
    @Order(5)
    void aClientWithoutItsCertificateIsRefusedInTheTlsHandshake() {
        Map<String, String> noCertificate = new HashMap<>(kafka.clientProperties());
        noCertificate.keySet().removeIf(k -> k.startsWith("ssl.keystore."));

        assertThat(listTopicsFailure(noCertificate)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    @Order(6)
    void aPlaintextClientGetsNoAnswer() {
        Throwable failure = listTopicsFailure(Map.of("bootstrap.servers", kafka.bootstrapServers()));

        assertThat(failure).isNotNull();
        assertThat(failure.toString()).containsIgnoringCase("timed out");
    }

    @Test
    @Order(7)
    void theBrokerLogHoldsNoPassword() throws Exception {
        String log = Files.readString(kafka.logFile());

        assertThat(log).contains("SASL_SSL").doesNotContain(security.password(), security.storePassword(),
                BrokerSecurity.read(dir).orElseThrow().brokerPassword());
    }

    @Test
    @Order(8)
    void aRestartOnTheSecuredDirectoryWithoutAskingIsSecuredAgainWithTheSameUsers() throws Exception {
        kafka.stop();

        kafka = LocalKafka.builder().directory(dir).start();

        assertThat(kafka.clientSecurity()).contains(security);
        assertThat(LocalKafka.clientSecurity(dir)).contains(security);
        try (Admin admin = admin(kafka.clientProperties())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secured");
        }
    }

    private static Throwable listTopicsFailure(Map<String, String> properties) {
        Map<String, String> quick = new HashMap<>(properties);
        quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = admin(quick)) {
            return catchThrowable(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
        }
    }

    private static Map<String, String> withoutStores(Map<String, String> properties) {
        Map<String, String> rest = new HashMap<>(properties);
        rest.keySet().removeIf(k -> k.startsWith("ssl.truststore.") || k.startsWith("ssl.keystore."));
        return rest;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, security.storePassword().toCharArray());
        }
        return keyStore;
    }

    private static Admin admin(Map<String, String> properties) {
        return Admin.create(Map.<String, Object>copyOf(properties));
    }
}
