package dev.hpo.localkafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client needs to reach a secured local broker: SASL_SSL with SCRAM-SHA-512 as {@code username}, trusting
 * the broker's throwaway CA, and presenting the client certificate where the broker requires one (mutual TLS).
 *
 * @param username the SCRAM user
 * @param password its password; {@link #toString()} leaves it out, as it leaves out {@code storePassword}
 * @param truststore PKCS12 store holding the CA's certificate
 * @param caCertificate the same certificate as PEM, for clients configured with {@code ssl.truststore.type=PEM}
 * @param keystore PKCS12 store holding the client's key and its certificate signed by the CA
 * @param storePassword the password of both stores
 * @param mutualTls whether the broker requires the client certificate
 */
public record ClientSecurity(String username, String password, Path truststore, Path caCertificate, Path keystore,
        String storePassword, boolean mutualTls) {

    /** The security protocol of the secured listener. */
    public static final String PROTOCOL = "SASL_SSL";
    /** The one SASL mechanism the secured listener enables. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * Returns the Kafka client properties: {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config}, the PKCS12 truststore and, with mutual TLS, the keystore.
     */
    public Map<String, String> kafkaProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", PROTOCOL);
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", scramLogin(username, password));
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.location", truststore.toString());
        props.put("ssl.truststore.password", storePassword);
        if (mutualTls) {
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.keystore.location", keystore.toString());
            props.put("ssl.keystore.password", storePassword);
        }
        return props;
    }

    /** Returns the same settings with another password, e.g. to show that the broker refuses it. */
    public ClientSecurity withPassword(String other) {
        return new ClientSecurity(username, other, truststore, caCertificate, keystore, storePassword, mutualTls);
    }

    /** Names the user and the files, never a password: records are printed in logs and assertion messages. */
    @Override
    public String toString() {
        return "ClientSecurity[" + PROTOCOL + " " + MECHANISM + " as " + username + ", truststore " + truststore
                + (mutualTls ? ", client certificate " + keystore : "") + "]";
    }

    /** The JAAS line of a SCRAM login; quotes and backslashes in the values are escaped as JAAS reads them. */
    static String scramLogin(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(username)
                + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
