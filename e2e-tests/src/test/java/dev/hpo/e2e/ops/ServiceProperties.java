package dev.hpo.e2e.ops;

import dev.hpo.cli.local.RepoHome;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code src/main/resources/application.properties}: the single source of its port, the
 * environment variables it reads ({@code key=${VARIABLE:default}}) and, for the optimizer, its topics.
 * Deployment files are checked against it.
 */
final class ServiceProperties {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+):(.*)}$");

    private final String module;
    private final Properties properties = new Properties();

    private ServiceProperties(String module) {
        this.module = module;
        try {
            properties.load(new StringReader(Tool.read(
                    RepoHome.locate().resolve(module).resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceProperties optimizer() {
        return new ServiceProperties("optimizer-service");
    }

    static ServiceProperties trainer() {
        return new ServiceProperties("trainer-service");
    }

    /** The environment variable that {@code key} reads, e.g. {@code QUARKUS_HTTP_PORT} for {@code quarkus.http.port}. */
    String variable(String key) {
        return placeholder(key).group(1);
    }

    /** The value of {@code key} when its environment variable is not set. */
    String defaultValue(String key) {
        return placeholder(key).group(2);
    }

    /** The HTTP port (API, health, metrics) when {@code QUARKUS_HTTP_PORT} is not set. */
    int httpPort() {
        return Integer.parseInt(defaultValue("quarkus.http.port"));
    }

    /** Every topic a messaging channel names, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && (key.endsWith(".topic"))) {
                topics.add(properties.getProperty(key).trim());
            }
        }
        return topics;
    }

    private Matcher placeholder(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new AssertionError(module + " has no " + key + " in application.properties");
        }
        Matcher m = PLACEHOLDER.matcher(value.trim());
        if (!m.matches()) {
            throw new AssertionError(module + ": " + key + "=" + value + " does not read an environment variable");
        }
        return m;
    }
}
