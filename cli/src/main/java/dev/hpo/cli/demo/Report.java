package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.OutcomeConstraint;
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
 * The demo's report, the way the reference experiment reports it: per method the best (feasible, for a study
 * with outcome constraints) hyperparameters,
 * recall / precision / accuracy on the development data (training + validation, from the final refit) and on
 * the test split, trials run and pruned, wall time, epochs (the search's, and with the refit) and the trials each
 * needed to reach the grid's best validation objective; how a constrained study's best compares with the
 * unconstrained one's; then every trial, infeasible ones marked. Written as {@code report.json}, {@code report.md} and
 * {@code report.html} with PNG plots.
 */
public final class Report {

    static final List<String> METRICS = List.of("val_recall", "val_precision", "val_accuracy", "val_auc", "val_f1");
    private static final List<String> SPLIT_METRICS = List.of("recall", "precision", "accuracy");
    private static final String NL = System.lineSeparator();

    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ArrayNode methods;

    /** A report on {@code objectives}: one metric, or 2 to 4 of a multi-objective search (the first is primary). */
    public Report(JsonNode dataset, List<String> objectives) {
        root.put("schema", "hpo.demo-report/v1").put("generatedAt", Instant.now().toString())
                .put("objective", objectives.get(0));
        if (objectives.size() > 1) {
            objectives.forEach(root.putArray("objectives")::add);
        }
        root.set("dataset", dataset);
        methods = root.putArray("methods");
    }

    /** Adds a finished study as the method {@code method}. */
    public void add(String method, StudyRun.Outcome outcome) {
        JsonNode r = outcome.report();
        ObjectNode m = methods.addObject();
        m.put("method", method).put("studyId", r.path("studyId").asText()).put("strategy", r.path("strategy").asText())
                .put("status", r.path("status").asText()).put("trialsRun", r.path("trialsRun").asInt())
                .put("wallTimeSeconds", outcome.wallTime().toMillis() / 1000.0)
                .put("totalEpochs", r.path("totalEpochs").asLong());
        if (r.path("gridSize").isNumber()) {
            m.put("gridSize", r.path("gridSize").asLong());
        }
        JsonNode best = r.path("best");
        m.set("bestParams", best.path("params"));
        m.set("bestValidation", best.path("metrics"));
        JsonNode refit = r.path("refit");
        m.set("dev", splitMetrics(refit.path("metrics"), "dev_"));
        m.set("test", splitMetrics(refit.path("metrics"), "test_"));
        m.put("artifact", refit.path("artifact").asText(null));
        m.set("bestSoFar", r.path("bestSoFar"));
        int pruned = 0;
        long searchEpochs = 0;
        for (JsonNode t : outcome.trials()) {
            pruned += "PRUNED".equals(t.path("status").asText()) ? 1 : 0;
            searchEpochs += t.path("epochs").asLong();
        }
        m.put("prunedTrials", pruned).put("searchEpochs", searchEpochs);
        JsonNode constraints = outcome.study().path("spec").path("constraints");
        if (!constraints.isEmpty()) {
            m.set("constraints", constraints);
            m.put("feasibleTrials", outcome.study().path("counts").path("feasible").asInt());
        }
        if (r.path("paretoSet").isArray()) {
            m.set("paretoSet", r.path("paretoSet"));
            m.set("bestChoice", r.path("bestChoice"));
            m.put("hypervolume", r.path("hypervolume").asDouble());
            m.set("hypervolumeSoFar", r.path("hypervolumeSoFar"));
        }
        ArrayNode trials = m.putArray("trials");
        for (JsonNode t : outcome.trials()) {
            ObjectNode trial = trials.addObject();
            trial.put("number", t.path("number").asInt()).put("trialId", t.path("trialId").asText())
                    .put("status", t.path("status").asText());
            trial.set("params", t.path("params"));
            trial.set("metrics", t.path("metrics"));
            trial.put("epochs", t.path("epochs").asInt()).put("durationMs", t.path("durationMs").asLong())
                    .put("worker", t.path("worker").asText(null));
            if (t.hasNonNull("feasible")) {
                trial.put("feasible", t.path("feasible").asBoolean());
            }
            if (t.hasNonNull("error")) {
                trial.put("error", t.path("error").asText());
            }
        }
    }

    /** Computes, for every method, how many finished trials it needed to reach the grid's best objective. */
    public void compare() {
        JsonNode grid = method("grid");
        if (grid == null || grid.path("bestSoFar").isEmpty()) {
            return;
        }
        JsonNode curve = grid.path("bestSoFar");
        double target = curve.get(curve.size() - 1).path("best").asDouble();
        ObjectNode c = root.putObject("comparison").put("target", target)
                .put("gridTrials", grid.path("trialsRun").asInt());
        for (JsonNode m : methods) {
            Integer reached = trialsToReach(m.path("bestSoFar"), target);
            if (reached == null) {
                ((ObjectNode) m).putNull("trialsToReachGridBest");
            } else {
                ((ObjectNode) m).put("trialsToReachGridBest", reached);
            }
            c.put(m.path("method").asText() + "TrialsToReach", reached);
        }
    }

    /** The first count of finished trials at which the best so far reached {@code target}, or null. */
    static Integer trialsToReach(JsonNode bestSoFar, double target) {
        for (JsonNode p : bestSoFar) {
            if (p.path("best").asDouble() >= target - 1e-12) {
                return p.path("trials").asInt();
            }
        }
        return null;
    }

    public JsonNode json() {
        return root;
    }

    /** The comparison table: one row per method. */
    Table comparisonTable() {
        List<String> header = new ArrayList<>(List.of("method", "trials", "pruned", "wall time", "search epochs",
                "epochs"));
        SPLIT_METRICS.forEach(s -> header.add("dev " + s));
        SPLIT_METRICS.forEach(s -> header.add("test " + s));
        header.add("best " + root.path("objective").asText());
        header.add("trials to reach grid best");
        boolean pareto = root.has("objectives");
        if (pareto) {
            header.add("Pareto set");
            header.add("hypervolume");
        }
        Table table = new Table(header);
        for (JsonNode m : methods) {
            List<String> row = new ArrayList<>(List.of(m.path("method").asText(), m.path("trialsRun").asText(),
                    m.path("prunedTrials").asText(),
                    String.format(Locale.ROOT, "%.0f s", m.path("wallTimeSeconds").asDouble()),
                    m.path("searchEpochs").asText(), m.path("totalEpochs").asText()));
            SPLIT_METRICS.forEach(s -> row.add(value(m.path("dev").path(s))));
            SPLIT_METRICS.forEach(s -> row.add(value(m.path("test").path(s))));
            row.add(value(m.path("bestValidation").path(root.path("objective").asText())));
            JsonNode reached = m.path("trialsToReachGridBest");
            row.add(reached.isNumber() ? reached.asText() : m.has("trialsToReachGridBest") ? "not reached" : "-");
            if (pareto) {
                row.add(String.valueOf(m.path("paretoSet").size()));
                row.add(value(m.path("hypervolume")));
            }
            table.add(row);
        }
        return table;
    }

    /** The trials of one method as a table: number, status, each parameter, the metrics, epochs, seconds. */
    static Table trialTable(JsonNode method) {
        Set<String> params = new LinkedHashSet<>();
        method.path("trials").forEach(t -> t.path("params").fieldNames().forEachRemaining(params::add));
        List<String> header = new ArrayList<>(List.of("#", "status"));
        header.addAll(params);
        header.addAll(METRICS);
        boolean constrained = method.has("constraints");
        if (constrained) {
            header.add("feasible");
        }
        header.addAll(List.of("epochs", "seconds"));
        Table table = new Table(header);
        for (JsonNode t : method.path("trials")) {
            List<String> row = new ArrayList<>(List.of(t.path("number").asText(), t.path("status").asText()));
            params.forEach(p -> row.add(value(t.path("params").path(p))));
            METRICS.forEach(m -> row.add(value(t.path("metrics").path(m))));
            if (constrained) {
                row.add(!t.has("feasible") ? "-" : t.path("feasible").asBoolean() ? "yes" : "NO (infeasible)");
            }
            row.add(t.path("epochs").asText());
            row.add(String.format(Locale.ROOT, "%.1f", t.path("durationMs").asLong() / 1000.0));
            table.add(row);
        }
        return table;
    }

    /**
     * The Pareto set of a multi-objective method: trial number, each objective's validation value and the
     * configuration; null for a method of one objective.
     */
    Table paretoTable(JsonNode method) {
        if (!method.path("paretoSet").isArray()) {
            return null;
        }
        List<String> objectives = new ArrayList<>();
        root.path("objectives").forEach(o -> objectives.add(o.asText()));
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(objectives);
        header.add("params");
        Table table = new Table(header);
        for (JsonNode t : method.path("paretoSet")) {
            List<String> row = new ArrayList<>(List.of(t.path("number").asText()));
            objectives.forEach(o -> row.add(value(t.path("values").path(o))));
            List<String> params = new ArrayList<>();
            t.path("params").fields().forEachRemaining(e -> params.add(e.getKey() + "=" + value(e.getValue())));
            row.add(String.join(", ", params));
            table.add(row);
        }
        return table;
    }

    /** "Pareto set (n trials), hypervolume h:" for a multi-objective method; empty otherwise. */
    static String paretoLine(JsonNode m) {
        return m.path("paretoSet").isArray() ? String.format(Locale.ROOT, "Pareto set (%d trials), final hypervolume %s:",
                m.path("paretoSet").size(), value(m.path("hypervolume"))) : "";
    }

    /** What the demo prints at the end: the trials of each method, then the comparison. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (JsonNode m : methods) {
            b.append(NL).append(heading(m)).append(NL).append(trialTable(m).text()).append(bestLine(m)).append(NL);
            Table front = paretoTable(m);
            if (front != null) {
                b.append(paretoLine(m)).append(NL).append(front.text());
            }
        }
        b.append(NL).append("Comparison").append(NL).append(comparisonTable().text()).append(verdict()).append(NL);
        constraintLines().forEach(line -> b.append(line).append(NL));
        return b.toString();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# hpo demo report").append(NL).append(NL)
                .append("Generated ").append(root.path("generatedAt").asText()).append(", objective `")
                .append(root.path("objective").asText()).append("`, data set `").append(root.path("dataset"))
                .append("`.").append(NL).append(NL).append("## Comparison").append(NL).append(NL)
                .append(comparisonTable().markdown()).append(NL).append(verdict()).append(NL);
        List<String> constraintLines = constraintLines();
        if (!constraintLines.isEmpty()) {
            b.append(NL).append("## Outcome constraints").append(NL).append(NL);
            constraintLines.forEach(line -> b.append("- ").append(line).append(NL));
        }
        for (JsonNode m : methods) {
            b.append(NL).append("## ").append(heading(m)).append(NL).append(NL).append(bestLine(m)).append(NL);
            Table front = paretoTable(m);
            if (front != null) {
                b.append(NL).append(paretoLine(m)).append(NL).append(NL).append(front.markdown());
            }
            b.append(NL).append(trialTable(m).markdown());
        }
        return b.toString();
    }

    /** One sentence on how the methods compare, with the numbers, whichever way it went. */
    String verdict() {
        JsonNode c = root.path("comparison");
        if (c.isMissingNode()) {
            return "";
        }
        int gridTrials = c.path("gridTrials").asInt();
        StringBuilder b = new StringBuilder();
        for (JsonNode m : methods) {
            if ("grid".equals(m.path("method").asText())) {
                continue;
            }
            JsonNode reached = m.path("trialsToReachGridBest");
            b.append(reached.isNumber()
                    ? String.format(Locale.ROOT, "%s reached the grid's best %s (%.4f) after %d trials, %.0f%% of the grid's %d.",
                    m.path("method").asText(), root.path("objective").asText(), c.path("target").asDouble(),
                    reached.asInt(), 100.0 * reached.asInt() / gridTrials, gridTrials)
                    : String.format(Locale.ROOT, "%s did not reach the grid's best %s (%.4f) within its %d trials (grid: %d trials).",
                    m.path("method").asText(), root.path("objective").asText(), c.path("target").asDouble(),
                    m.path("trialsRun").asInt(), gridTrials));
        }
        return b.toString();
    }

    /**
     * For each method with outcome constraints, its best trial next to every unconstrained method's best, each
     * with the constrained metrics and whether it meets the constraints: what the constraint cost in the objective.
     */
    List<String> constraintLines() {
        List<String> lines = new ArrayList<>();
        for (JsonNode m : methods) {
            if (!m.has("constraints")) {
                continue;
            }
            List<OutcomeConstraint> constraints = new ArrayList<>();
            m.path("constraints").forEach(c -> constraints.add(new OutcomeConstraint(c.path("metric").asText(),
                    c.hasNonNull("min") ? c.path("min").asDouble() : null,
                    c.hasNonNull("max") ? c.path("max").asDouble() : null)));
            lines.add(String.format(Locale.ROOT, "%s, subject to %s: %d of %d trials feasible; best %s",
                    m.path("method").asText(), constraints.stream().map(Object::toString).toList(),
                    m.path("feasibleTrials").asInt(), m.path("trials").size(), bestUnder(m, constraints)));
            for (JsonNode other : methods) {
                if (!other.has("constraints")) {
                    lines.add(String.format(Locale.ROOT, "%s, unconstrained: best %s", other.path("method").asText(),
                            bestUnder(other, constraints)));
                }
            }
        }
        return lines;
    }

    /** A method's best trial: its objective and the constrained metrics, and whether it meets the constraints. */
    private String bestUnder(JsonNode m, List<OutcomeConstraint> constraints) {
        JsonNode metrics = m.path("bestValidation");
        if (metrics.isMissingNode() || metrics.isNull() || metrics.isEmpty()) {
            return "none (no feasible trial)";
        }
        String objective = root.path("objective").asText();
        StringBuilder b = new StringBuilder(objective + " " + value(metrics.path(objective)));
        boolean holds = true;
        for (OutcomeConstraint c : constraints) {
            JsonNode v = metrics.path(c.metric());
            holds &= c.holds(v.isNumber() ? v.asDouble() : null);
            if (!c.metric().equals(objective)) {
                b.append(", ").append(c.metric()).append(' ').append(value(v));
            }
        }
        return b.append(holds ? " (meets the constraints)" : " (VIOLATES the constraints)").toString();
    }

    /** Writes report.json, report.md, the plots and report.html into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(root));
        Files.writeString(dir.resolve("report.md"), markdown());
        new ReportPlots(root).write(dir);
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(this));
    }

    ArrayNode methods() {
        return methods;
    }

    private JsonNode method(String name) {
        for (JsonNode m : methods) {
            if (name.equals(m.path("method").asText())) {
                return m;
            }
        }
        return null;
    }

    static String heading(JsonNode m) {
        return String.format(Locale.ROOT, "%s (study %s): %d trials (%d pruned), %d epochs (%d in the search), %.1f s",
                m.path("method").asText(), m.path("studyId").asText(), m.path("trialsRun").asInt(),
                m.path("prunedTrials").asInt(), m.path("totalEpochs").asLong(), m.path("searchEpochs").asLong(),
                m.path("wallTimeSeconds").asDouble());
    }

    static String bestLine(JsonNode m) {
        JsonNode params = m.path("bestParams");
        if (params.isMissingNode() || params.isNull() || params.isEmpty()) {
            return m.has("constraints") ? "best: none (no feasible trial)" : "best: none (no trial completed)";
        }
        StringBuilder b = new StringBuilder("best: ");
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            b.append(p).append('=').append(value(params.path(p))).append(it.hasNext() ? ", " : "");
        }
        b.append(" -> ");
        METRICS.forEach(x -> b.append(x).append(' ').append(value(m.path("bestValidation").path(x))).append("  "));
        String line = b.toString().stripTrailing();
        // A multi-objective study's best is one member of its Pareto set: say which and why.
        return m.path("bestChoice").hasNonNull("reason")
                ? line + NL + "best and final refit: " + m.path("bestChoice").path("reason").asText() : line;
    }

    private static ObjectNode splitMetrics(JsonNode metrics, String prefix) {
        ObjectNode out = Json.mapper().createObjectNode();
        metrics.fieldNames().forEachRemaining(k -> {
            if (k.startsWith(prefix)) {
                out.set(k.substring(prefix.length()), metrics.get(k));
            }
        });
        return out;
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
