package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Creates one study through the API and follows it to its end with a progress bar, returning the study and
 * its trials as the API last showed them.
 */
public final class StudyRun {

    private static final Duration POLL = Duration.ofMillis(500);

    /** A finished study: its final view, its trials, its report and the wall time from creation to the end. */
    public record Outcome(JsonNode study, JsonNode trials, JsonNode report, Duration wallTime) {
    }

    private StudyRun() {
    }

    public static Outcome run(StudyClient client, JsonNode spec, String label, PrintStream out, boolean terminal)
            throws InterruptedException {
        long start = System.nanoTime();
        JsonNode study = client.create(spec.toString(), false);
        String id = study.path("id").asText();
        out.printf("%s: study %s created (%s, %d trials)%n", label, id, study.path("strategy").asText(),
                study.path("maxTrials").asInt());
        ProgressBar bar = new ProgressBar(out, label, terminal);
        while (true) {
            study = client.study(id);
            JsonNode counts = study.path("counts");
            int done = counts.path("completed").asInt() + counts.path("failed").asInt() + counts.path("pruned").asInt();
            int total = study.path("gridSize").isNumber()
                    ? Math.min(study.path("maxTrials").asInt(), study.path("gridSize").asInt())
                    : study.path("maxTrials").asInt();
            JsonNode best = study.path("best").path("objective");
            bar.update(done, total, counts.path("running").asInt(), study.path("objective").asText(),
                    best.isNumber() ? best.asDouble() : null, Duration.ofNanos(System.nanoTime() - start));
            if (!"RUNNING".equals(study.path("status").asText())) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        bar.finish();
        return new Outcome(study, client.trials(id), client.report(id), Duration.ofNanos(System.nanoTime() - start));
    }
}
