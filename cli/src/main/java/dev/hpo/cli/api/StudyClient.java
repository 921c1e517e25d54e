package dev.hpo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small client of the optimizer's REST API; a non-2xx answer becomes an {@link ApiException} with the server's errors. */
public final class StudyClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public StudyClient(String baseUrl, String token) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
    }

    /** Creates a study from a JSON or YAML spec. */
    public JsonNode create(String spec, boolean yaml) {
        return send(request("api/studies").header("Content-Type", yaml ? "application/yaml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec)));
    }

    public JsonNode list() {
        return send(request("api/studies").GET());
    }

    public JsonNode study(String id) {
        return send(request("api/studies/" + id).GET());
    }

    public JsonNode trials(String id) {
        return send(request("api/studies/" + id + "/trials").GET());
    }

    /** The comparison-ready summary of a study. */
    public JsonNode report(String id) {
        return send(request("api/studies/" + id + "/report").GET());
    }

    public JsonNode stop(String id) {
        return send(request("api/studies/" + id + "/stop").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? Json.mapper().nullNode() : parse(response.body());
            if (response.statusCode() / 100 != 2) {
                String message = body.path("message").asText(response.body());
                if (response.statusCode() == 401) {
                    message += "; pass the optimizer's API token with --token or $HPO_API_TOKEN";
                }
                throw new ApiException(response.statusCode(), message, errors(body));
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(0, "cannot reach the optimizer at " + base + ": " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", List.of());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(body);
        }
    }

    private static List<String> errors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(e.path("message").asText()));
        return errors;
    }
}
