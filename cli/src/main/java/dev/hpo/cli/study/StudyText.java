package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How the study commands show a study's numbers: progress, best trial, metrics and parameters. */
final class StudyText {

    private StudyText() {
    }

    /** Trials that ended (completed, failed or pruned). */
    static int done(JsonNode study) {
        JsonNode c = study.path("counts");
        return c.path("completed").asInt() + c.path("failed").asInt() + c.path("pruned").asInt();
    }

    /** The budget: maxTrials, or the grid's size when the grid is smaller. */
    static int total(JsonNode study) {
        int max = study.path("maxTrials").asInt();
        return study.path("gridSize").isNumber() ? Math.min(max, study.path("gridSize").asInt()) : max;
    }

    /** "done/total". */
    static String progress(JsonNode study) {
        return done(study) + "/" + total(study);
    }

    /** A metric or parameter value: integers as is, others with 4 decimals, "-" when absent. */
    static String number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            return v != 0 && Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.2e", v)
                    : String.format(Locale.ROOT, "%.4f", v);
        }
        return value.asText();
    }

    /** "trial 4: val_recall 0.9123 {neurons1=40, optimizer=adam}", or "-" before the first completed trial. */
    static String best(JsonNode study) {
        JsonNode best = study.path("best");
        if (!best.isObject()) {
            return "-";
        }
        return "trial " + best.path("number").asInt() + ": " + study.path("objective").asText() + " "
                + number(best.path("objective")) + " " + params(best.path("params"));
    }

    /** "{a=1, b=adam}" in the order the API gave. */
    static String params(JsonNode params) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + "=" + number(e.getValue()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** "test_precision 0.4100, test_recall 0.8000": the metrics whose names start with {@code prefix}, by name. */
    static String metrics(JsonNode trial, String prefix) {
        Map<String, JsonNode> chosen = new TreeMap<>();
        trial.path("metrics").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(prefix)) {
                chosen.put(e.getKey(), e.getValue());
            }
        });
        List<String> parts = new ArrayList<>();
        chosen.forEach((name, v) -> parts.add(name + " " + number(v)));
        return String.join(", ", parts);
    }
}
