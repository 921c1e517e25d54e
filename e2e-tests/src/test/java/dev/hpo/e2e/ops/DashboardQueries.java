package dev.hpo.e2e.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The PromQL expressions of the Grafana dashboard's panels and of the alerting rules, ready to send to Prometheus. */
final class DashboardQueries {

    /**
     * Grafana's interval variables and what a test sends instead: 5 minutes covers a short study, and
     * Prometheus needs two samples of a series inside the range.
     */
    static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "5m", "$__interval", "1m",
            "$__range", "1h");

    /** One query of one panel. */
    record PanelQuery(String panel, String refId, String expr) {
        @Override
        public String toString() {
            return "\"" + panel + "\" " + refId + ": " + expr;
        }
    }

    /** One alerting rule. */
    record Rule(String alert, String expr) {
    }

    private DashboardQueries() {
    }

    /** Every target of every panel (rows' nested panels included), Grafana variables replaced. */
    static List<PanelQuery> panels(Path dashboard) {
        try {
            List<PanelQuery> queries = new ArrayList<>();
            collect(new ObjectMapper().readTree(dashboard.toFile()).path("panels"), queries);
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alerting rule of a Prometheus rules file. */
    static List<Rule> rules(Path rulesFile) {
        try {
            List<Rule> rules = new ArrayList<>();
            for (JsonNode group : new YAMLMapper().readTree(rulesFile.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    rules.add(new Rule(rule.path("alert").asText(), rule.path("expr").asText().trim()));
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode panels, List<PanelQuery> queries) {
        for (JsonNode panel : panels) {
            collect(panel.path("panels"), queries);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                for (Map.Entry<String, String> v : GRAFANA_VARIABLES.entrySet()) {
                    expr = expr.replace(v.getKey(), v.getValue());
                }
                queries.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(), expr));
            }
        }
    }
}
