package dev.hpo.trainer.data;

import dev.hpo.trainer.training.TrialException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV table: a header row, then one row per example, comma-separated, every feature cell a finite number
 * and the label cell 0 or 1. Cells may be wrapped in double quotes; quoted commas are not supported, as numeric data
 * has none. Blank lines are skipped. Errors name the line (1-based, the header is line 1) and the column.
 */
public final class CsvDataset {

    private CsvDataset() {
    }

    public static Dataset read(CsvSpec spec) {
        try (BufferedReader reader = Files.newBufferedReader(spec.path(), StandardCharsets.UTF_8)) {
            return read(reader, spec);
        } catch (NoSuchFileException e) {
            throw new TrialException("trainer.dataset.path (" + spec.path() + ") does not exist");
        } catch (IOException e) {
            throw new TrialException("trainer.dataset.path (" + spec.path() + ") cannot be read: " + e, e);
        }
    }

    private static Dataset read(BufferedReader reader, CsvSpec spec) throws IOException {
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new TrialException("trainer.dataset.path (" + spec.path() + ") has no header row");
        }
        List<String> header = cells(headerLine);
        int labelColumn = header.indexOf(spec.label());
        if (labelColumn < 0) {
            throw new TrialException("trainer.dataset.label (" + spec.label() + ") is not a column of " + spec.path()
                    + " (columns: " + String.join(", ", header) + ")");
        }
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelColumn);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != header.size()) {
                throw new TrialException(spec.path() + " line " + lineNumber + " has " + cells.size()
                        + " cells but the header has " + header.size());
            }
            rows.add(features(cells, header, labelColumn, lineNumber, spec));
            labels.add(label(cells.get(labelColumn), lineNumber, spec));
        }
        return dataset(rows, labels, featureNames, spec);
    }

    private static double[] features(List<String> cells, List<String> header, int labelColumn, int lineNumber,
                                     CsvSpec spec) {
        double[] row = new double[cells.size() - 1];
        int next = 0;
        for (int c = 0; c < cells.size(); c++) {
            if (c != labelColumn) {
                row[next++] = number(cells.get(c), header.get(c), lineNumber, spec);
            }
        }
        return row;
    }

    private static double number(String cell, String column, int lineNumber, CsvSpec spec) {
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new TrialException(spec.path() + " line " + lineNumber + ", column " + column + ": '" + cell
                    + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new TrialException(spec.path() + " line " + lineNumber + ", column " + column + ": '" + cell
                    + "' is not a finite number");
        }
        return value;
    }

    private static int label(String cell, int lineNumber, CsvSpec spec) {
        double value = number(cell, spec.label(), lineNumber, spec);
        if (value != 0 && value != 1) {
            throw new TrialException(spec.path() + " line " + lineNumber + ", column " + spec.label() + ": '" + cell
                    + "' must be 0 or 1");
        }
        return (int) value;
    }

    private static Dataset dataset(List<double[]> rows, List<Integer> labels, List<String> featureNames,
                                   CsvSpec spec) {
        if (rows.isEmpty()) {
            throw new TrialException(spec.path() + " has a header but no data rows");
        }
        if (featureNames.isEmpty()) {
            throw new TrialException(spec.path() + " has no feature column besides " + spec.label());
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Dataset data = new Dataset(rows.toArray(new double[0][]), y, featureNames);
        if (data.positives() == 0 || data.positives() == data.rows()) {
            throw new TrialException("trainer.dataset.label (" + spec.label() + ") in " + spec.path() + " has a single"
                    + " class (" + data.rows() + " rows, all " + (data.positives() == 0 ? 0 : 1)
                    + "); a binary classifier needs both 0 and 1");
        }
        return data;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String trimmed = cell.strip();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
            }
            cells.add(trimmed);
        }
        return cells;
    }
}
