package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Renders the report as one self-contained HTML page that shows the plots written beside it. */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(Report report) {
        JsonNode root = report.json();
        StringBuilder b = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>hpo demo report</title>
                <style>
                body{font-family:sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin:1em 0}
                td,th{border:1px solid #ccc;padding:3px 8px;text-align:right} th{background:#f3f3f3}
                td:first-child,th:first-child{text-align:left} img{max-width:100%;border:1px solid #eee;margin:.5em 0}
                </style></head><body>
                <h1>hpo demo report</h1>
                """);
        b.append("<p>Objective <code>").append(esc(root.path("objective").asText())).append("</code>, data set <code>")
                .append(esc(root.path("dataset").toString())).append("</code>, generated ")
                .append(esc(root.path("generatedAt").asText())).append(".</p>\n");
        b.append("<h2>Comparison</h2>\n").append(table(report.comparisonTable()));
        b.append("<p>").append(esc(report.verdict())).append("</p>\n");
        for (String img : List.of(ReportPlots.CONVERGENCE_TRIALS, ReportPlots.CONVERGENCE_TIME,
                ReportPlots.RECALL_PRECISION, ReportPlots.DISTRIBUTION)) {
            b.append("<img src=\"").append(img).append("\" alt=\"").append(img).append("\">\n");
        }
        for (JsonNode m : report.methods()) {
            b.append("<h2>").append(esc(Report.heading(m))).append("</h2>\n<p>").append(esc(Report.bestLine(m)))
                    .append("</p>\n");
            Table front = report.paretoTable(m);
            if (front != null) {
                b.append("<p>").append(esc(Report.paretoLine(m))).append("</p>\n").append(table(front));
            }
            b.append(table(Report.trialTable(m)));
        }
        return b.append("</body></html>\n").toString();
    }

    private static String table(Table t) {
        StringBuilder b = new StringBuilder("<table>\n<tr>");
        t.header().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
