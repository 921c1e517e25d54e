package dev.hpo.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.local.ServiceOwnership;
import dev.hpo.cli.local.StackProcess;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.PartitionRanges;
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
 * Watches the optimizer replicas while the bench runs, on a thread of its own: which partitions of
 * {@code hpo.studies} each one owns and how many running studies it drives (the data of its readiness check
 * {@code study-recovery}), whether the live replicas together own every partition, each replica's CPU time, its
 * suggestion timer ({@code hpo_suggest_seconds}) and its handovers ({@code hpo_optimizer_handovers_total}) on
 * {@code /q/metrics}. A replica's last figures are kept after it is gone.
 */
final class ReplicaWatch implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final int METRICS_EVERY = 20;

    /**
     * A replica's last figures: CPU since the watch began, suggestion batches and their summed time, the most
     * running studies it drove at once, the partitions it owned when last seen and the most it owned, and its
     * handovers (partitions taken over or given up after its first assignment).
     */
    record ReplicaFigures(Duration cpu, long suggestBatches, double suggestSeconds, long peakRunningStudies,
                          String partitions, long peakPartitions, long handovers) {
    }

    /** From time {@code at} (epoch ms) on, the live replicas together owned every partition, or not. */
    record Coverage(long at, boolean complete) {
    }

    private final List<StackProcess> replicas;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Duration> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, ReplicaFigures> figures = new LinkedHashMap<>();
    private final List<Coverage> coverage = new ArrayList<>();
    /** The replicas seen ready, with the partitions they own, as last seen; a replica gone is removed. */
    private final Map<String, java.util.Set<Integer>> owners = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int partitionCount;

    ReplicaWatch(List<StackProcess> replicas) {
        this.replicas = List.copyOf(replicas);
        for (StackProcess p : replicas) {
            cpuAtStart.put(p.name(), cpu(p).orElse(Duration.ZERO));
            figures.put(p.name(), new ReplicaFigures(Duration.ZERO, 0, 0, 0, "", 0, 0));
        }
        thread = new Thread(this::watch, "replica-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        for (long round = 0; running; round++) {
            for (StackProcess p : replicas) {
                Optional<Duration> cpu = cpu(p);
                if (cpu.isEmpty()) {
                    gone(p.name());
                    continue;
                }
                JsonNode check = recovery(p);
                // UP: it has recovered the studies of the partitions first assigned to it.
                boolean ready = check != null && "UP".equals(check.path("status").asText());
                JsonNode data = ready ? check.path("data") : Json.mapper().createObjectNode();
                boolean scrape = round % METRICS_EVERY == 0;
                update(p, cpu.get(), ready, data, scrape ? metrics(p) : null);
            }
            noteCoverage();
            pause();
        }
    }

    private synchronized void update(StackProcess p, Duration cpu, boolean ready, JsonNode data, double[] metrics) {
        ReplicaFigures last = figures.get(p.name());
        String partitions = data.path("partitions").asText("");
        figures.put(p.name(), new ReplicaFigures(cpu.minus(cpuAtStart.get(p.name())),
                metrics != null ? (long) metrics[0] : last.suggestBatches(),
                metrics != null ? metrics[1] : last.suggestSeconds(),
                Math.max(last.peakRunningStudies(), data.path("runningStudies").asLong()),
                ready ? partitions : last.partitions(),
                Math.max(last.peakPartitions(), data.path("ownedPartitions").asLong()),
                metrics != null ? (long) metrics[2] : last.handovers()));
        if (ready) {
            owners.put(p.name(), PartitionRanges.parse(partitions));
            partitionCount = Math.max(partitionCount, data.path("partitionCount").asInt());
        } else {
            owners.remove(p.name());
        }
    }

    /** The last CPU time and metrics of a live replica; what it owns stays as last seen. */
    private synchronized void finalFigures(StackProcess p, Duration cpu, double[] metrics) {
        ReplicaFigures last = figures.get(p.name());
        figures.put(p.name(), new ReplicaFigures(cpu.minus(cpuAtStart.get(p.name())),
                metrics != null ? (long) metrics[0] : last.suggestBatches(),
                metrics != null ? metrics[1] : last.suggestSeconds(), last.peakRunningStudies(), last.partitions(),
                last.peakPartitions(), metrics != null ? (long) metrics[2] : last.handovers()));
    }

    private synchronized void gone(String name) {
        owners.remove(name);
    }

    private synchronized void noteCoverage() {
        java.util.Set<Integer> union = new java.util.HashSet<>();
        owners.values().forEach(union::addAll);
        boolean complete = partitionCount > 0 && union.size() == partitionCount;
        if (coverage.isEmpty() || coverage.get(coverage.size() - 1).complete() != complete) {
            coverage.add(new Coverage(System.currentTimeMillis(), complete));
        }
    }

    /** The replicas seen ready and alive, which answer study requests. */
    synchronized List<String> owners() {
        return List.copyOf(owners.keySet());
    }

    /** The live replica that owns the most partitions; null if none is ready. */
    synchronized String largestOwner() {
        return owners.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * Waits until the live replicas together own every partition, each of them ready.
     *
     * @throws IllegalStateException if they do not within {@code timeout}
     */
    void awaitCovered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!covered()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the optimizer replicas did not own every partition of hpo.studies "
                        + "within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(PERIOD.toMillis());
        }
    }

    synchronized boolean covered() {
        return !coverage.isEmpty() && coverage.get(coverage.size() - 1).complete();
    }

    /** Every change of coverage seen, in time order. */
    synchronized List<Coverage> coverage() {
        return List.copyOf(coverage);
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

    private static JsonNode recovery(StackProcess p) {
        return ServiceOwnership.readyCheck(p.port(), "study-recovery");
    }

    /**
     * {@code hpo_suggest_seconds} count and sum, summed over its series, and {@code hpo_optimizer_handovers_total};
     * null without an answer.
     */
    private double[] metrics(StackProcess p) {
        String body = get(p, "/q/metrics", "text/plain");
        if (body == null) {
            return null;
        }
        double[] values = new double[3];
        for (String line : body.split("\n")) {
            if (line.startsWith("hpo_suggest_seconds_count")) {
                values[0] += value(line);
            } else if (line.startsWith("hpo_suggest_seconds_sum")) {
                values[1] += value(line);
            } else if (line.startsWith("hpo_optimizer_handovers_total")) {
                values[2] += value(line);
            }
        }
        return values;
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
            cpu(p).ifPresent(cpu -> finalFigures(p, cpu, metrics(p)));
        }
    }
}
