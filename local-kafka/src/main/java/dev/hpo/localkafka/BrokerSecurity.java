package dev.hpo.localkafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The secured client listener of a local broker and the files behind it, in {@code <broker directory>/security}
 * (owner-only): SASL_SSL with SCRAM-SHA-512, the stores of {@link TlsStores}, {@code credentials.properties} with
 * the generated passwords and {@code client.properties} for Kafka's command-line tools. Made on a directory's first
 * secured start and kept, like the topics: the SCRAM users are written into the storage when it is formatted.
 *
 * <p>Two users: {@code hpo} for clients and {@code broker} for the broker's own inter-broker connections, which use
 * the same listener, so that no port of the broker takes unauthenticated clients. The KRaft controller listener
 * stays PLAINTEXT on 127.0.0.1: it serves the controller quorum, not clients.
 *
 * @param directory the {@code security} folder
 * @param clientUser the clients' SCRAM user
 * @param clientPassword its password
 * @param brokerPassword the password of SCRAM user {@value #BROKER_USER}
 * @param storePassword the password of every key store
 * @param mutualTls whether clients must also present a certificate signed by the CA
 */
record BrokerSecurity(Path directory, String clientUser, String clientPassword, String brokerPassword,
        String storePassword, boolean mutualTls) {

    static final String CLIENT_USER = "hpo";
    static final String BROKER_USER = "broker";
    /** Kafka's default and minimum for SCRAM-SHA-512 (ScramMechanism.minIterations). */
    private static final int ITERATIONS = 4096;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String CREDENTIALS = "credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Returns the {@code security} folder of broker directory {@code brokerDirectory}. */
    static Path folder(Path brokerDirectory) {
        return brokerDirectory.toAbsolutePath().resolve("security");
    }

    /** Returns the security recorded in {@code brokerDirectory} by an earlier {@link #prepare}, if any. */
    static Optional<BrokerSecurity> read(Path brokerDirectory) {
        Path folder = folder(brokerDirectory);
        Path file = folder.resolve(CREDENTIALS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the broker's credentials " + file, e);
        }
        return Optional.of(new BrokerSecurity(folder, p.getProperty("client.username"), p.getProperty("client.password"),
                p.getProperty("broker.password"), p.getProperty("store.password"),
                Boolean.parseBoolean(p.getProperty("mutual.tls"))));
    }

    /**
     * Secures {@code brokerDirectory}: reuses what an earlier call made there (with {@code mutualTls} as asked now),
     * else makes the CA, the stores and the passwords.
     *
     * @throws IllegalStateException if the directory's storage was formatted without SCRAM users, which only
     *     formatting can add; or keytool fails
     */
    static BrokerSecurity prepare(Path brokerDirectory, boolean mutualTls) {
        Optional<BrokerSecurity> recorded = read(brokerDirectory);
        BrokerSecurity security;
        if (recorded.isPresent()) {
            BrokerSecurity r = recorded.get();
            security = new BrokerSecurity(r.directory(), r.clientUser(), r.clientPassword(), r.brokerPassword(),
                    r.storePassword(), mutualTls);
        } else {
            if (BrokerConfig.isFormatted(brokerDirectory)) {
                throw new IllegalStateException("The Kafka broker directory " + brokerDirectory.toAbsolutePath()
                        + " was formatted without SCRAM users, which only formatting can add; delete it to start a "
                        + "secured broker afresh (its topics go with it)");
            }
            Path folder = folder(brokerDirectory);
            createOwnerOnlyDirectory(folder);
            security = new BrokerSecurity(folder, CLIENT_USER, password(), password(), password(), mutualTls);
            TlsStores.generate(folder, security.storePassword(), CLIENT_USER);
        }
        // Written last: a folder without it (keytool failed half-way) is made again on the next start.
        security.write();
        return security;
    }

    /** Returns the broker properties of the secured listener {@code SASL_SSL}, besides the listener list itself. */
    Map<String, String> serverProperties() {
        TlsStores stores = new TlsStores(directory);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sasl.enabled.mechanisms", ClientSecurity.MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", ClientSecurity.MECHANISM);
        // The broker logs in as BROKER_USER for its own connections; SCRAM's server side needs no JAAS options.
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                ClientSecurity.scramLogin(BROKER_USER, brokerPassword));
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", stores.broker().toString());
        props.put("ssl.keystore.password", storePassword);
        props.put("ssl.key.password", storePassword);
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.location", stores.truststore().toString());
        props.put("ssl.truststore.password", storePassword);
        // A SASL_SSL listener reads ssl.client.auth only under its listener prefix (KIP-684).
        props.put("listener.name.sasl_ssl.ssl.client.auth", mutualTls ? "required" : "none");
        return props;
    }

    /**
     * Returns the {@code StorageTool format} arguments that create both SCRAM users, as salted passwords so that no
     * password appears on a command line.
     */
    List<String> scramArguments() {
        return List.of("--add-scram", scramCredential(clientUser, clientPassword),
                "--add-scram", scramCredential(BROKER_USER, brokerPassword));
    }

    /** Returns what clients need to connect. */
    ClientSecurity client() {
        TlsStores stores = new TlsStores(directory);
        return new ClientSecurity(clientUser, clientPassword, stores.truststore(), stores.caCertificate(),
                stores.client(), storePassword, mutualTls);
    }

    /**
     * {@code SCRAM-SHA-512=[name=..,iterations=..,salt="..",saltedpassword=".."]}: SCRAM's salted password is
     * Hi(password, salt, i) of RFC 5802 section 2.2, which is PBKDF2 with HMAC-SHA-512 as the pseudo-random
     * function and one hash length of output (512 bits).
     */
    private static String scramCredential(String user, String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 512)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return ClientSecurity.MECHANISM + "=[name=" + user + ",iterations=" + ITERATIONS + ",salt=\""
                    + base64.encodeToString(salt) + "\",saltedpassword=\"" + base64.encodeToString(salted) + "\"]";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute PBKDF2WithHmacSHA512", e);
        }
    }

    private void write() {
        Properties credentials = new Properties();
        credentials.setProperty("client.username", clientUser);
        credentials.setProperty("client.password", clientPassword);
        credentials.setProperty("broker.password", brokerPassword);
        credentials.setProperty("store.password", storePassword);
        credentials.setProperty("mutual.tls", Boolean.toString(mutualTls));
        writeOwnerOnly(directory.resolve(CREDENTIALS), credentials, "generated for the local Kafka broker");
        Properties tools = new Properties();
        tools.putAll(client().kafkaProperties());
        writeOwnerOnly(directory.resolve("client.properties"), tools,
                "for Kafka's command-line tools: --command-config <this file>");
    }

    private static void writeOwnerOnly(Path file, Properties properties, String comment) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, comment);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void createOwnerOnlyDirectory(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, OWNER_ONLY_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    private static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Names the files and users, never a password. */
    @Override
    public String toString() {
        return "BrokerSecurity[" + directory + ", users " + clientUser + " and " + BROKER_USER + ", mutual TLS "
                + mutualTls + "]";
    }
}
