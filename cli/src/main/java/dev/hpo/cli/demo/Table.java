package dev.hpo.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, for terminals and Markdown alike. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    public Table add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Aligned columns separated by two spaces. */
    public String text() {
        int[] w = widths();
        StringBuilder b = new StringBuilder();
        line(b, header, w, "  ", "");
        for (List<String> r : rows) {
            line(b, r, w, "  ", "");
        }
        return b.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public String markdown() {
        int[] w = widths();
        StringBuilder b = new StringBuilder();
        line(b, header, w, " | ", "| ");
        List<String> rule = new ArrayList<>();
        for (int width : w) {
            rule.add("-".repeat(width));
        }
        line(b, rule, w, " | ", "| ");
        for (List<String> r : rows) {
            line(b, r, w, " | ", "| ");
        }
        return b.toString();
    }

    private int[] widths() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private static void line(StringBuilder b, List<String> cells, int[] w, String sep, String edge) {
        b.append(edge);
        for (int i = 0; i < w.length; i++) {
            b.append(String.format("%-" + w[i] + "s", cells.get(i)));
            b.append(i < w.length - 1 ? sep : edge.isEmpty() ? "" : " |");
        }
        b.append(System.lineSeparator());
    }
}
