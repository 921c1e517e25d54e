package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo's report: {@code report.json} (per study: id, strategy, wall time, every trial with params, status
 * and metrics, the best trial) and {@code report.md} with the same as tables.
 */
public final class Report {

    static final List<String> METRICS = List.of("val_recall", "val_precision", "val_accuracy", "val_auc", "val_f1");

    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ArrayNode studies = root.put("schema", "hpo.demo-report/v1")
            .put("generatedAt", Instant.now().toString()).putArray("studies");

    public void add(StudyRun.Outcome outcome) {
        JsonNode s = outcome.study();
        ObjectNode entry = studies.addObject();
        entry.put("studyId", s.path("id").asText()).put("name", s.path("name").asText())
                .put("strategy", s.path("strategy").asText()).put("status", s.path("status").asText())
                .put("objective", s.path("objective").asText())
                .put("wallTimeSeconds", outcome.wallTime().toMillis() / 1000.0);
        entry.set("counts", s.path("counts"));
        entry.set("best", s.path("best"));
        ArrayNode trials = entry.putArray("trials");
        int epochs = 0;
        for (JsonNode t : outcome.trials()) {
            ObjectNode trial = trials.addObject();
            trial.put("number", t.path("number").asInt()).put("trialId", t.path("trialId").asText())
                    .put("status", t.path("status").asText());
            trial.set("params", t.path("params"));
            trial.set("metrics", t.path("metrics"));
            trial.put("epochs", t.path("epochs").asInt()).put("durationMs", t.path("durationMs").asLong())
                    .put("worker", t.path("worker").asText(null));
            if (t.hasNonNull("error")) {
                trial.put("error", t.path("error").asText());
            }
            epochs += t.path("epochs").asInt();
        }
        entry.put("totalEpochs", epochs);
    }

    public JsonNode json() {
        return root;
    }

    /** The trials of one study as a table: number, status, each parameter, the metrics, epochs, seconds. */
    static Table trialTable(JsonNode study) {
        Set<String> params = new LinkedHashSet<>();
        study.path("trials").forEach(t -> t.path("params").fieldNames().forEachRemaining(params::add));
        List<String> header = new ArrayList<>(List.of("#", "status"));
        header.addAll(params);
        header.addAll(METRICS);
        header.addAll(List.of("epochs", "seconds"));
        Table table = new Table(header);
        for (JsonNode t : study.path("trials")) {
            List<String> row = new ArrayList<>(List.of(t.path("number").asText(), t.path("status").asText()));
            for (String p : params) {
                row.add(value(t.path("params").path(p)));
            }
            for (String m : METRICS) {
                row.add(value(t.path("metrics").path(m)));
            }
            row.add(t.path("epochs").asText());
            row.add(String.format(Locale.ROOT, "%.1f", t.path("durationMs").asLong() / 1000.0));
            table.add(row);
        }
        return table;
    }

    /** Summary and trial tables of every study, as printed at the end of the demo. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (JsonNode s : studies) {
            b.append(System.lineSeparator()).append(heading(s)).append(System.lineSeparator());
            b.append(trialTable(s).text());
            b.append(bestLine(s)).append(System.lineSeparator());
        }
        return b.toString();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# hpo demo report").append(System.lineSeparator());
        b.append(System.lineSeparator()).append("Generated ").append(root.path("generatedAt").asText())
                .append(System.lineSeparator());
        for (JsonNode s : studies) {
            b.append(System.lineSeparator()).append("## ").append(heading(s)).append(System.lineSeparator())
                    .append(System.lineSeparator()).append(trialTable(s).markdown()).append(System.lineSeparator())
                    .append(bestLine(s)).append(System.lineSeparator());
        }
        return b.toString();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(root));
        Files.writeString(dir.resolve("report.md"), markdown());
    }

    private static String heading(JsonNode s) {
        return String.format(Locale.ROOT, "%s (%s, study %s): %d trials, %d epochs, %.1f s", s.path("name").asText(),
                s.path("strategy").asText(), s.path("studyId").asText(), s.path("trials").size(),
                s.path("totalEpochs").asInt(), s.path("wallTimeSeconds").asDouble());
    }

    private static String bestLine(JsonNode s) {
        JsonNode best = s.path("best");
        if (best.isMissingNode() || best.isNull()) {
            return "best: none (no trial completed)";
        }
        StringBuilder b = new StringBuilder("best: trial #").append(best.path("number").asInt()).append(' ');
        for (Iterator<String> it = best.path("params").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            b.append(p).append('=').append(value(best.path("params").path(p))).append(it.hasNext() ? ", " : "");
        }
        b.append(" -> ");
        for (String m : METRICS) {
            b.append(m).append(' ').append(value(best.path("metrics").path(m))).append("  ");
        }
        return b.toString().stripTrailing();
    }

    static String value(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "-";
        }
        if (v.isFloatingPointNumber()) {
            double d = v.asDouble();
            return Math.abs(d) < 1e-2 && d != 0 ? String.format(Locale.ROOT, "%.2e", d)
                    : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return v.asText();
    }
}
