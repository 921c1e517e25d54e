package dev.hpo.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.bench.TrialFlow.LeaseChange;
import dev.hpo.cli.local.StackProcess;
import dev.hpo.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches the optimizer replicas while the bench runs, on a thread of its own: which one holds the lease and
 * drives the studies (its readiness check {@code study-recovery} is up), how many running studies it drives, each replica's CPU time
 * and its suggestion timer ({@code hpo_suggest_seconds} on {@code /q/metrics}). A replica's last figures are kept
 * after it is gone.
 */
final class ReplicaWatch implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final int METRICS_EVERY = 20;

    /**
     * A replica's last figures: CPU since the watch began, suggestion batches and their summed time, and the most
     * running studies it drove at once.
     */
    record ReplicaFigures(Duration cpu, long suggestBatches, double suggestSeconds, long peakRunningStudies) {
    }

    private final List<StackProcess> replicas;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Duration> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, ReplicaFigures> figures = new LinkedHashMap<>();
    private final List<LeaseChange> leases = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private String holder;

    ReplicaWatch(List<StackProcess> replicas) {
        this.replicas = List.copyOf(replicas);
        for (StackProcess p : replicas) {
            cpuAtStart.put(p.name(), cpu(p).orElse(Duration.ZERO));
            figures.put(p.name(), new ReplicaFigures(Duration.ZERO, 0, 0, 0));
        }
        thread = new Thread(this::watch, "replica-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        for (long round = 0; running; round++) {
            String active = null;
            for (StackProcess p : replicas) {
                Optional<Duration> cpu = cpu(p);
                if (cpu.isEmpty()) {
                    continue;
                }
                JsonNode check = recovery(p);
                // UP: holds the lease and has recovered the studies, i.e. drives them.
                boolean holds = check != null && "UP".equals(check.path("status").asText());
                if (holds) {
                    active = p.name();
                }
                boolean scrape = round % METRICS_EVERY == 0;
                update(p, cpu.get(), holds ? check.path("data").path("runningStudies").asLong() : 0,
                        scrape ? suggestTimer(p) : null);
            }
            noteHolder(active);
            pause();
        }
    }

    private synchronized void update(StackProcess p, Duration cpu, long runningStudies, double[] timer) {
        ReplicaFigures last = figures.get(p.name());
        figures.put(p.name(), new ReplicaFigures(cpu.minus(cpuAtStart.get(p.name())),
                timer != null ? (long) timer[0] : last.suggestBatches(),
                timer != null ? timer[1] : last.suggestSeconds(), Math.max(last.peakRunningStudies(), runningStudies)));
    }

    private synchronized void noteHolder(String active) {
        if (!Objects.equals(active, holder)) {
            holder = active;
            leases.add(new LeaseChange(System.currentTimeMillis(), active));
        }
    }

    /** The replica that holds the lease now, as last seen; null if none does. */
    synchronized String holder() {
        return holder;
    }

    /**
     * Waits until some replica is seen holding the lease and driving the studies.
     *
     * @throws IllegalStateException if none does within {@code timeout}
     */
    void awaitHolder(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (holder() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no optimizer replica held the lease within " + timeout.toSeconds()
                        + " s");
            }
            Thread.sleep(PERIOD.toMillis());
        }
    }

    /** Every change of lease holder seen, in time order (the first is the first holder seen). */
    synchronized List<LeaseChange> leases() {
        return List.copyOf(leases);
    }

    /** Each replica's last figures, by name. */
    synchronized Map<String, ReplicaFigures> figures() {
        return Map.copyOf(figures);
    }

    /** The pid of replica {@code name}. */
    long pid(String name) {
        return replicas.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().pid();
    }

    private static Optional<Duration> cpu(StackProcess p) {
        return ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive).flatMap(h -> h.info().totalCpuDuration());
    }

    private JsonNode recovery(StackProcess p) {
        String body = get(p, "/q/health/ready", "application/json");
        if (body == null) {
            return null;
        }
        try {
            for (JsonNode c : Json.mapper().readTree(body).path("checks")) {
                if (c.path("name").asText().equals("study-recovery")) {
                    return c;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** {@code hpo_suggest_seconds} count and sum, summed over its series; null without an answer. */
    private double[] suggestTimer(StackProcess p) {
        String body = get(p, "/q/metrics", "text/plain");
        if (body == null) {
            return null;
        }
        double[] timer = new double[2];
        for (String line : body.split("\n")) {
            if (line.startsWith("hpo_suggest_seconds_count")) {
                timer[0] += value(line);
            } else if (line.startsWith("hpo_suggest_seconds_sum")) {
                timer[1] += value(line);
            }
        }
        return timer;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private String get(StackProcess p, String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(PERIOD.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Takes a last round of figures (metrics included) and stops. */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (StackProcess p : replicas) {
            cpu(p).ifPresent(cpu -> update(p, cpu, 0, suggestTimer(p)));
        }
    }
}
