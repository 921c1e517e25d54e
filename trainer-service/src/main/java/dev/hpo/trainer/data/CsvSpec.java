package dev.hpo.trainer.data;

import dev.hpo.trainer.training.TrialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A CSV file with a header row, numeric feature columns and a 0/1 label column (see {@link CsvDataset}).
 *
 * @param path  the file; a relative path is resolved against the worker's working directory
 * @param label the name of the label column
 */
public record CsvSpec(Path path, String label) implements DatasetSpec {

    public static final String TYPE = "csv";
    public static final String DEFAULT_LABEL = "label";

    public CsvSpec {
        if (path == null || path.toString().isBlank()) {
            throw new TrialException("trainer.dataset.path (" + path + ") must name a CSV file");
        }
        if (label == null || label.isBlank()) {
            throw new TrialException("trainer.dataset.label (" + label + ") must name the label column");
        }
    }

    @Override
    public Dataset load() {
        return CsvDataset.read(this);
    }

    /** Size and modification time, so that a rewritten file is read again. */
    @Override
    public String contentVersion() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new TrialException("trainer.dataset.path (" + path + ") cannot be read: " + e, e);
        }
    }
}
