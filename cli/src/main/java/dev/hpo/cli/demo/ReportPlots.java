package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.demo.Charts.Point;
import dev.hpo.cli.demo.Charts.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns a report's methods into the four comparison plots. */
final class ReportPlots {

    static final String CONVERGENCE_TRIALS = "convergence-trials.png";
    static final String CONVERGENCE_TIME = "convergence-time.png";
    static final String RECALL_PRECISION = "recall-precision.png";
    static final String DISTRIBUTION = "objective-distribution.png";

    private final JsonNode root;

    ReportPlots(JsonNode root) {
        this.root = root;
    }

    void write(Path dir) throws IOException {
        String objective = root.path("objective").asText();
        Charts.convergence(dir.resolve(CONVERGENCE_TRIALS), "Best " + objective + " so far, by trials finished",
                "trials finished", objective, curves(p -> new Point(p.path("trials").asDouble(), p.path("best").asDouble())));
        Charts.convergence(dir.resolve(CONVERGENCE_TIME), "Best " + objective + " so far, by wall time",
                "seconds since the study started", objective,
                curves(p -> new Point(p.path("elapsedSeconds").asDouble(), p.path("best").asDouble())));
        Charts.recallPrecision(dir.resolve(RECALL_PRECISION), trials("val_precision", "val_recall"));
        Charts.distribution(dir.resolve(DISTRIBUTION), objective, trials(objective, objective));
    }

    private List<Series> curves(Function<JsonNode, Point> point) {
        List<Series> out = new ArrayList<>();
        for (JsonNode m : root.path("methods")) {
            List<Point> points = new ArrayList<>();
            // A constrained study has no best before its first feasible trial.
            m.path("bestSoFar").forEach(p -> {
                if (p.path("best").isNumber()) {
                    points.add(point.apply(p));
                }
            });
            out.add(new Series(m.path("method").asText(), points));
        }
        return out;
    }

    private List<Series> trials(String x, String y) {
        List<Series> out = new ArrayList<>();
        for (JsonNode m : root.path("methods")) {
            List<Point> points = new ArrayList<>();
            for (JsonNode t : m.path("trials")) {
                JsonNode metrics = t.path("metrics");
                if ("COMPLETED".equals(t.path("status").asText()) && metrics.path(x).isNumber()
                        && metrics.path(y).isNumber()) {
                    points.add(new Point(metrics.path(x).asDouble(), metrics.path(y).asDouble()));
                }
            }
            out.add(new Series(m.path("method").asText(), points));
        }
        return out;
    }
}
