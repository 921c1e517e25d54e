package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.demo.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./hpo study trials ID [--csv]}: the trials by number, as a table or as CSV with every metric. */
@Command(name = "trials", mixinStandardHelpOptions = true,
        description = "List a study's trials by number: a table, or CSV with every parameter and metric.")
final class StudyTrialsCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The study's id.")
    String id;

    @Option(names = "--csv", description = "Print CSV (RFC 4180) with every parameter and metric.")
    boolean csv;

    @Override
    int run(StudyClient client) {
        JsonNode study = client.study(id);
        JsonNode trials = client.trials(id);
        List<String> params = paramNames(study, trials);
        out().print(csv ? csv(trials, params) : table(study, trials, params));
        out().flush();
        return 0;
    }

    /** The search space's parameters in spec order, then any other parameter a trial has. */
    static List<String> paramNames(JsonNode study, JsonNode trials) {
        Set<String> names = new LinkedHashSet<>();
        study.path("spec").path("searchSpace").fieldNames().forEachRemaining(names::add);
        trials.forEach(t -> t.path("params").fieldNames().forEachRemaining(names::add));
        return List.copyOf(names);
    }

    private static String table(JsonNode study, JsonNode trials, List<String> params) {
        List<String> header = new ArrayList<>(List.of("#", "STATUS", study.path("objective").asText()));
        header.addAll(params);
        header.addAll(List.of("EPOCHS", "DURATION", "WORKER"));
        Table table = new Table(header);
        for (JsonNode t : trials) {
            List<String> row = new ArrayList<>(List.of(t.path("number").asText(), t.path("status").asText(),
                    StudyText.number(t.path("objective"))));
            params.forEach(p -> row.add(StudyText.number(t.path("params").path(p))));
            boolean ended = t.path("finishedAt").isTextual();
            row.add(ended ? t.path("epochs").asText() : "-");
            row.add(ended ? String.format(Locale.ROOT, "%.1f s", t.path("durationMs").asLong() / 1000.0) : "-");
            row.add(t.path("worker").asText("-"));
            table.add(row);
        }
        return table.text();
    }

    /** number, trialId, status, objective, each parameter, each metric (sorted), epochs, durationMs, worker, device, error. */
    static String csv(JsonNode trials, List<String> params) {
        Set<String> metrics = new TreeSet<>();
        trials.forEach(t -> t.path("metrics").fieldNames().forEachRemaining(metrics::add));
        List<String> header = new ArrayList<>(List.of("number", "trialId", "status", "objective"));
        header.addAll(params);
        header.addAll(metrics);
        header.addAll(List.of("epochs", "durationMs", "worker", "device", "error"));
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (JsonNode t : trials) {
            List<String> row = new ArrayList<>(List.of(t.path("number").asText(), t.path("trialId").asText(),
                    t.path("status").asText(), raw(t.path("objective"))));
            params.forEach(p -> row.add(raw(t.path("params").path(p))));
            metrics.forEach(m -> row.add(raw(t.path("metrics").path(m))));
            row.addAll(List.of(t.path("epochs").asText(), t.path("durationMs").asText(), raw(t.path("worker")),
                    raw(t.path("device")), raw(t.path("error"))));
            line(out, row);
        }
        return out.toString();
    }

    /** The full value, for tools: no rounding, empty when absent. */
    private static String raw(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i > 0 ? "," : "").append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
