package dev.hpo.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A throwaway certificate authority and the PKCS12 stores it signs, made with the JDK's keytool in one directory,
 * all under one password: {@code truststore.p12} (the CA's certificate, also as PEM in {@code ca.crt}),
 * {@code broker.p12} (the broker's key, its certificate for {@code 127.0.0.1} and {@code localhost}) and
 * {@code client.p12} (a client's key and certificate, for mutual TLS). Nothing is downloaded; the CA's own key
 * stays in {@code ca.p12} beside them.
 */
record TlsStores(Path directory) {

    private static final String VALIDITY_DAYS = "3650";
    /** EC P-256: keytool makes such a key pair in milliseconds, where RSA takes noticeably longer. */
    private static final String[] KEY = {"-keyalg", "EC", "-groupname", "secp256r1", "-storetype", "PKCS12"};

    Path truststore() {
        return directory.resolve("truststore.p12");
    }

    Path broker() {
        return directory.resolve("broker.p12");
    }

    Path client() {
        return directory.resolve("client.p12");
    }

    Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /**
     * Makes the CA and every store in {@code directory} (created if absent) under {@code password}, replacing
     * what an earlier run left there. The broker's and the client's key pairs are made in parallel.
     *
     * @param clientName the client certificate's common name
     */
    static TlsStores generate(Path directory, String password, String clientName) {
        TlsStores stores = new TlsStores(directory);
        Keytool keytool = new Keytool(directory, password);
        try {
            Files.createDirectories(directory);
            for (String file : new String[] {"ca.p12", "ca.crt", "truststore.p12", "broker.p12", "client.p12"}) {
                Files.deleteIfExists(directory.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory + " for the broker's certificates", e);
        }
        keytool.run("-genkeypair", with(KEY, "-alias", "ca", "-dname", "CN=hpo local Kafka CA", "-ext", "bc:c",
                "-validity", VALIDITY_DAYS, "-keystore", "ca.p12"));
        keytool.run("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
        keytool.run("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "truststore.p12",
                "-storetype", "PKCS12");
        CompletableFuture<Void> client = CompletableFuture.runAsync(
                () -> signedKeyPair(keytool, "client", "CN=" + clientName));
        // Clients check the broker's name (ssl.endpoint.identification.algorithm=https): they connect to 127.0.0.1.
        signedKeyPair(keytool, "broker", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        try {
            client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return stores;
    }

    /** Makes {@code <alias>.p12}: a key pair, its certificate signed by the CA, and the chain up to the CA. */
    private static void signedKeyPair(Keytool keytool, String alias, String dname, String... extensions) {
        String store = alias + ".p12";
        keytool.run("-genkeypair", with(KEY, "-alias", alias, "-dname", dname, "-validity", VALIDITY_DAYS,
                "-keystore", store));
        keytool.run("-certreq", "-alias", alias, "-keystore", store, "-file", alias + ".csr");
        keytool.run("-gencert", with(extensions, "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-validity", VALIDITY_DAYS, "-infile", alias + ".csr", "-outfile", alias + ".crt"));
        Path directory = keytool.directory();
        Path chain = directory.resolve(alias + "-chain.crt");
        try {
            // The reply is the whole chain, so that keytool need not find the CA in the store itself.
            Files.writeString(chain, Files.readString(directory.resolve(alias + ".crt"))
                    + Files.readString(directory.resolve("ca.crt")));
            keytool.run("-importcert", "-noprompt", "-alias", alias, "-file", chain.getFileName().toString(),
                    "-keystore", store);
            for (String step : new String[] {".csr", ".crt", "-chain.crt"}) {
                Files.delete(directory.resolve(alias + step));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write or remove the certificate files of " + alias, e);
        }
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
