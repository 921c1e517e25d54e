package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server-sent events that dashboards follow: one JSON object per study update. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class StudyEventsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String SPEC = """
            name: %s
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: 9}
            budget: {maxTrials: 2, parallelism: 1}
            workerPool: %s
            searchSpace:
              neurons1: {type: int, min: 20, max: 60, step: 10}
            trainer: {dataset: {type: synthetic-fraud, rows: 500}}
            """;

    @TestHTTPResource("/")
    URL base;

    @Test
    void studyEventsCarryThatStudysTrialUpdatesOnly() throws Exception {
        PlayedWorker worker = new PlayedWorker("sse-one");
        String id = PlayedWorker.create(SPEC.formatted("sse-one", "sse-one"));
        TrialMessage first = worker.trials(id, 1).get(0);

        try (Events events = Events.open(base + "api/studies/" + id + "/events")) {
            PlayedWorker.create(SPEC.formatted("sse-other", "sse-other"));
            worker.running(first, "trainer-7");
            worker.complete(first, "trainer-7");

            JsonNode ended = events.await(e -> e.path("kind").asText().equals("trial-ended"));
            assertThat(ended.path("studyId").asText()).isEqualTo(id);
            assertThat(ended.path("trialId").asText()).isEqualTo(first.trialId());
            assertThat(ended.path("data").path("status").asText()).isEqualTo("COMPLETED");
            assertThat(ended.path("data").path("metrics").path("val_recall").asDouble())
                    .isEqualTo(PlayedWorker.metricsFor(first).get("val_recall"));
            JsonNode issued = events.await(e -> e.path("kind").asText().equals("trial-issued"));
            assertThat(issued.path("trialId").asText()).isEqualTo(id + ".t1");
            assertThat(events.seen()).extracting(e -> e.path("studyId").asText()).containsOnly(id);
            assertThat(events.seen()).extracting(e -> e.path("kind").asText()).contains("trial-running");
        }
    }

    @Test
    void allEventsCarryEveryStudy() throws Exception {
        try (Events events = Events.open(base + "api/events")) {
            String id = PlayedWorker.create(SPEC.formatted("sse-all", "sse-all"));

            JsonNode issued = events.await(e -> e.path("studyId").asText().equals(id));
            assertThat(issued.path("kind").asText()).isEqualTo("trial-issued");
            assertThat(issued.path("data").path("number").asInt()).isZero();
        }
    }

    @Test
    void eventsOfAnUnknownStudyAre404() {
        given().get("/api/studies/nope-12345678/events").then().statusCode(404);
    }

    /** An open event stream; the response's headers have arrived, so the server has subscribed. */
    private static final class Events implements AutoCloseable {

        private final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        private final List<JsonNode> seen = new ArrayList<>();
        private final Stream<String> lines;

        private Events(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(() -> lines.filter(l -> l.startsWith("data:"))
                    .forEach(l -> queue.add(Json.mapper().valueToTree(parse(l.substring(5).trim())))), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(String url) throws Exception {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            return new Events(response.body());
        }

        /** The first event from now on that matches, waiting up to 30 s. */
        JsonNode await(Predicate<JsonNode> match) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e != null) {
                    seen.add(e);
                    if (match.test(e)) {
                        return e;
                    }
                }
            }
            throw new AssertionError("no matching event in " + WAIT + "; saw " + seen);
        }

        List<JsonNode> seen() {
            return seen;
        }

        private static JsonNode parse(String json) {
            try {
                return Json.mapper().readTree(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
