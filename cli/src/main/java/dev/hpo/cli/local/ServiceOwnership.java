package dev.hpo.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a process of the local stack owns, read from its readiness answer for {@code ./hpo local status}: an
 * optimizer replica whether it holds the lease (and so drives every running study) or stands by, a trainer the
 * trial it trains. The broker owns no work.
 */
public final class ServiceOwnership {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ServiceOwnership() {
    }

    /** One phrase: {@code lease, drives 3 running studies}, {@code standby}, {@code trial s-1.t4}, {@code idle}. */
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

    /** {@code data} of the optimizer's {@code study-recovery} check: {@code lease}, {@code runningStudies}. */
    static String optimizer(JsonNode data) {
        String lease = data.path("lease").asText("");
        return switch (lease) {
            case "HOLDER" -> data.path("runningStudies").isMissingNode() ? "lease, recovering the studies"
                    : "lease, drives " + data.path("runningStudies").asLong() + " running studies";
            case "STANDBY" -> "standby (another replica holds the lease)";
            case "" -> "unknown";
            default -> "no lease yet (" + lease + ")";
        };
    }

    /** {@code data} of the trainer's {@code trial-worker} check: {@code trial}, {@code device}. */
    static String trainer(JsonNode data) {
        if (data.has("device")) {
            return "no trials (" + data.path("device").asText() + ")";
        }
        return data.has("trial") ? "trial " + data.path("trial").asText() : "idle";
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
