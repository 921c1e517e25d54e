package dev.hpo.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a starting broker answers an Admin client, or fails with the tail of its log. */
final class BrokerReadiness {

    private static final long POLL_MILLIS = 200;
    private static final int LOG_LINES = 40;

    private BrokerReadiness() {
    }

    /**
     * Returns once the broker lists its topics; throws if the process exits first or {@code timeout}
     * passes.
     */
    static void await(Process process, BrokerConfig config, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            // Wait for the port first: an Admin client pointed at a closed port logs a warning per retry.
            while (!accepts(config.port())) {
                checkProgress(process, config, deadline, timeout, null);
                Thread.sleep(POLL_MILLIS);
            }
            try (Admin admin = Admin.create(adminConfig(config))) {
                Exception last = null;
                while (true) {
                    checkProgress(process, config, deadline, timeout, last);
                    try {
                        admin.listTopics().names().get(5, TimeUnit.SECONDS);
                        return;
                    } catch (ExecutionException | TimeoutException e) {
                        last = e;
                        Thread.sleep(POLL_MILLIS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker at "
                    + config.bootstrapServers(), e);
        }
    }

    private static Map<String, Object> adminConfig(BrokerConfig config) {
        Map<String, Object> admin = new HashMap<>(config.clientProperties());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return admin;
    }

    private static void checkProgress(Process process, BrokerConfig config, Instant deadline, Duration timeout,
            Exception last) {
        if (!process.isAlive()) {
            throw new IllegalStateException("The Kafka broker (pid " + process.pid() + ") exited with code "
                    + process.exitValue() + " while starting; last lines of " + config.logFile() + ":\n"
                    + LogTail.of(config.logFile(), LOG_LINES));
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("The Kafka broker at " + config.bootstrapServers() + " (pid "
                    + process.pid() + ") was not ready within " + timeout.toSeconds() + " s"
                    + (last == null ? " (port closed)" : " (last error: " + last + ")")
                    + "; last lines of " + config.logFile() + ":\n" + LogTail.of(config.logFile(), LOG_LINES), last);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
