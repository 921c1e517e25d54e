package dev.hpo.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.common.message.PartitionRanges;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * What a process of the local stack owns, read from its readiness answer for {@code ./hpo local status}: an
 * optimizer replica the partitions of {@code hpo.studies} it owns and the running studies it drives, a trainer the
 * trial it trains. The broker owns no work.
 */
public final class ServiceOwnership {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ServiceOwnership() {
    }

    /**
     * One phrase: {@code partitions 0-5 of 12, drives 3 running studies}, {@code no partition (12 replicas own all
     * 12)}, {@code trial s-1.t4}, {@code idle}.
     */
    public static String of(StackProcess process) {
        if (process.name().equals(StackState.KAFKA)) {
            return "-";
        }
        if (!process.running()) {
            return "nothing (gone)";
        }
        JsonNode health = readiness(process.port());
        if (health == null) {
            return "unknown (no health answer)";
        }
        return StackState.isOptimizer(process.name()) ? optimizer(check(health, "study-recovery"))
                : trainer(check(health, "trial-worker"));
    }

    /**
     * {@code data} of the optimizer's {@code study-recovery} check: {@code partitions} (ranges),
     * {@code partitionCount}, {@code runningStudies}; a replica still recovering has none of them yet.
     */
    static String optimizer(JsonNode data) {
        if (!data.has("partitionCount") || data.path("partitionCount").asInt() == 0) {
            return "joining group hpo-optimizer";
        }
        String partitions = data.path("partitions").asText("");
        int count = data.path("partitionCount").asInt();
        if (partitions.isEmpty()) {
            return "no partition of " + count + " (recovering, or more replicas than partitions)";
        }
        return "partitions " + partitions + " of " + count + ", drives " + data.path("runningStudies").asLong()
                + " running studies";
    }

    /** {@code data} of the trainer's {@code trial-worker} check: {@code trial}, {@code device}. */
    static String trainer(JsonNode data) {
        if (data.has("device")) {
            return "no trials (" + data.path("device").asText() + ")";
        }
        return data.has("trial") ? "trial " + data.path("trial").asText() : "idle";
    }

    /**
     * The check {@code name} of the service's readiness answer on {@code port} ({@code name}, {@code status},
     * {@code data}); null if it does not answer or has no such check.
     */
    public static JsonNode readyCheck(int port, String name) {
        JsonNode health = readiness(port);
        if (health == null) {
            return null;
        }
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The partitions of {@code hpo.studies} the optimizer replica on {@code port} owns, from its check
     * {@code study-recovery}; none while it is not ready or does not answer.
     */
    public static Set<Integer> ownedPartitions(int port) {
        JsonNode c = readyCheck(port, "study-recovery");
        return c == null || !"UP".equals(c.path("status").asText()) ? Set.of()
                : PartitionRanges.parse(c.path("data").path("partitions").asText(""));
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c.path("data");
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode readiness(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
