package dev.hpo.trainer.data;

import java.util.List;

/**
 * A binary classification table held in memory: one row of features and one 0/1 label per example.
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Equality is by identity of the arrays.
 *
 * @param features     rows x columns
 * @param labels       one 0 or 1 per row
 * @param featureNames one name per column
 */
public record Dataset(double[][] features, int[] labels, List<String> featureNames) {

    public Dataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        featureNames = List.copyOf(featureNames);
    }

    public int rows() {
        return labels.length;
    }

    public int columns() {
        return featureNames.size();
    }

    /** The number of rows labelled 1. */
    public int positives() {
        int count = 0;
        for (int label : labels) {
            count += label;
        }
        return count;
    }

    /** This table's rows followed by the other's (sharing the row arrays); the columns must match. */
    public Dataset concat(Dataset other) {
        if (!featureNames.equals(other.featureNames)) {
            throw new IllegalArgumentException("columns differ: " + featureNames + " and " + other.featureNames);
        }
        double[][] x = new double[rows() + other.rows()][];
        int[] y = new int[x.length];
        System.arraycopy(features, 0, x, 0, rows());
        System.arraycopy(other.features, 0, x, rows(), other.rows());
        System.arraycopy(labels, 0, y, 0, rows());
        System.arraycopy(other.labels, 0, y, rows(), other.rows());
        return new Dataset(x, y, featureNames);
    }

    /** The rows at the given indices, in that order (sharing the row arrays). */
    public Dataset select(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new Dataset(x, y, featureNames);
    }
}
