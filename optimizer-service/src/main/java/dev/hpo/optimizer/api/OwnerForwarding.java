package dev.hpo.optimizer.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import dev.hpo.optimizer.recovery.StudyOwnership;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sends a request about one study to the replica that owns it, so that any replica answers for any study and a
 * client behind one Service needs not know who drives what: {@code GET /api/studies/{id}}, its {@code trials} and
 * {@code report}, and {@code POST /api/studies/{id}/stop}. The owner is the member of group {@code hpo-optimizer}
 * that Kafka assigned the study's partition ({@link StudyOwnership#ownerUrl}); the owner's answer (status, body,
 * {@code Retry-After}) is passed back as it is. A request is forwarded once at most (header
 * {@value #FORWARDED}); while the partition has no owner (a replica died and Kafka has not handed its partitions
 * on yet) the answer is 503 with {@code Retry-After}. The event streams are not forwarded: they come from the
 * replica that drives the study.
 */
@jakarta.enterprise.context.ApplicationScoped
public class OwnerForwarding {

    /** Set on a forwarded request, naming the replica that forwarded it; such a request is answered locally. */
    public static final String FORWARDED = "X-Hpo-Forwarded-By";
    private static final Pattern ONE_STUDY = Pattern.compile("^/api/studies/([^/]+)(/(trials|report|stop))?/?$");
    private static final List<String> PASSED_ON = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    StudyOwnership ownership;

    /** After the API's authentication (priority 5000), so that a refused request goes nowhere. */
    @ServerRequestFilter(priority = 6000)
    public Uni<Response> forward(ContainerRequestContext request) {
        Matcher m = ONE_STUDY.matcher(request.getUriInfo().getPath());
        String method = request.getMethod();
        boolean write = m.matches() && "stop".equals(m.group(3));
        if (!m.matches() || request.getHeaderString(FORWARDED) != null || ownership.partitions() == 0
                || ownership.holds(m.group(1)) || !(write ? "POST" : "GET").equals(method)) {
            return Uni.createFrom().nullItem();
        }
        String studyId = m.group(1);
        Optional<String> owner = ownership.ownerUrl(studyId);
        if (owner.isEmpty()) {
            return Uni.createFrom().item(ErrorMappers.retryLater("no optimizer replica owns the partition of study "
                    + studyId + " right now (it is moving between replicas)"));
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(owner.get() + request.getUriInfo().getPath()
                        + (query == null ? "" : "?" + query))).timeout(TIMEOUT)
                .header(FORWARDED, ownership.replica())
                .method(method, HttpRequest.BodyPublishers.noBody());
        PASSED_ON.forEach(h -> Optional.ofNullable(request.getHeaderString(h)).ifPresent(v -> out.header(h, v)));
        return Uni.createFrom().completionStage(HTTP.sendAsync(out.build(), HttpResponse.BodyHandlers.ofByteArray()))
                .map(OwnerForwarding::relay)
                .onFailure().recoverWithItem(e -> ErrorMappers.retryLater("the optimizer replica that owns study "
                        + studyId + " (" + owner.get() + ") did not answer: " + e.getMessage()));
    }

    /**
     * The studies the other replicas drive, each asked for its own list ({@code GET /api/studies} with
     * {@value #FORWARDED}) at once; a replica that does not answer within the timeout is left out.
     */
    List<JsonNode> peerStudies(String authorization) {
        List<CompletableFuture<List<JsonNode>>> asked = new ArrayList<>();
        for (String peer : ownership.peerUrls()) {
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(peer + "/api/studies")).timeout(LIST_TIMEOUT)
                    .header(FORWARDED, ownership.replica()).header(HttpHeaders.ACCEPT, "application/json").GET();
            if (authorization != null) {
                out.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            asked.add(HTTP.sendAsync(out.build(), HttpResponse.BodyHandlers.ofString()).thenApply(a -> {
                if (a.statusCode() != 200) {
                    return List.<JsonNode>of();
                }
                try {
                    List<JsonNode> studies = new ArrayList<>();
                    Json.mapper().readTree(a.body()).forEach(studies::add);
                    return studies;
                } catch (java.io.IOException e) {
                    return List.<JsonNode>of();
                }
            }).exceptionally(e -> List.of()));
        }
        List<JsonNode> all = new ArrayList<>();
        asked.forEach(f -> all.addAll(f.join()));
        return all;
    }

    private static Response relay(HttpResponse<byte[]> answer) {
        Response.ResponseBuilder relayed = Response.status(answer.statusCode()).entity(answer.body());
        for (String h : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            answer.headers().firstValue(h).ifPresent(v -> relayed.header(h, v));
        }
        return relayed.build();
    }
}
