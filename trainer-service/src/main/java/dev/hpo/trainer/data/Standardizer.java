package dev.hpo.trainer.data;

/**
 * Per-column standardisation x' = (x - mean) / std, fitted on the training part only so that no statistic of the
 * validation or test rows leaks into training; std is the population standard deviation (as scikit-learn's
 * {@code StandardScaler}), and a constant column gets std 1.
 *
 * @param mean per-column mean of the training rows
 * @param std  per-column standard deviation of the training rows (1 for a constant column)
 */
public record Standardizer(double[] mean, double[] std) {

    public static Standardizer fit(Dataset train) {
        int columns = train.columns();
        double[] mean = new double[columns];
        double[] std = new double[columns];
        for (double[] row : train.features()) {
            for (int c = 0; c < columns; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < columns; c++) {
            mean[c] /= train.rows();
        }
        for (double[] row : train.features()) {
            for (int c = 0; c < columns; c++) {
                double deviation = row[c] - mean[c];
                std[c] += deviation * deviation;
            }
        }
        for (int c = 0; c < columns; c++) {
            double sd = Math.sqrt(std[c] / train.rows());
            std[c] = sd > 0 ? sd : 1;
        }
        return new Standardizer(mean, std);
    }

    /** A standardised copy of the table. */
    public Dataset apply(Dataset data) {
        double[][] x = new double[data.rows()][];
        for (int i = 0; i < x.length; i++) {
            double[] source = data.features()[i];
            double[] row = new double[source.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = (source[c] - mean[c]) / std[c];
            }
            x[i] = row;
        }
        return new Dataset(x, data.labels(), data.featureNames());
    }
}
