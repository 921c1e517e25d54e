package dev.hpo.cli.local;

import dev.hpo.localkafka.LogTail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until every service answers 200 on {@code /q/health/ready} (or {@code /q/health/live}), or fails with the
 * tail of the failing log.
 */
final class ServiceReadiness {

    private static final int LOG_LINES = 40;
    private static final long POLL_MILLIS = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * Returns once all {@code services} are ready.
     *
     * @throws IllegalStateException if one exits or is not ready within {@code timeout}
     */
    void await(List<StackProcess> services, Duration timeout) {
        await(services, "ready", timeout);
    }

    private void await(List<StackProcess> services, String check, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<StackProcess> waiting = new ArrayList<>(services);
        try {
            while (!waiting.isEmpty()) {
                for (StackProcess service : List.copyOf(waiting)) {
                    if (answers(service, check)) {
                        waiting.remove(service);
                    } else if (!ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                        // Only liveness here: a process just started may still be setsid, not yet java.
                        throw failure(service, "exited while starting");
                    }
                }
                if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                    throw failure(waiting.get(0), "was not " + check + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(waiting.isEmpty() ? 0 : POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services to be ready", e);
        }
    }

    private boolean answers(StackProcess service, String check) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/q/health/"
                + check)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static IllegalStateException failure(StackProcess service, String what) {
        return new IllegalStateException(service.name() + " (pid " + service.pid() + ", port " + service.port() + ") "
                + what + "; last lines of " + service.log() + ":\n" + LogTail.of(Path.of(service.log()), LOG_LINES));
    }
}
