package dev.hpo.trainer.data;

import dev.hpo.trainer.training.TrialException;

/**
 * Parameters of the {@code synthetic-fraud} generator (see {@link SyntheticFraud} for the generative model).
 *
 * @param rows             number of examples
 * @param features         number of columns: informative + redundant + noise
 * @param positiveRate     share of class 1 before label flipping
 * @param seed             seed of the generator
 * @param informative      columns drawn from the class clusters
 * @param redundant        random linear combinations of the informative columns
 * @param clustersPerClass Gaussian clusters per class, each on its own hypercube vertex
 * @param classSep         half the hypercube's side: larger separates the classes more
 * @param flipY            share of rows whose label is redrawn at random (label noise)
 */
public record SyntheticFraudSpec(int rows, int features, double positiveRate, long seed, int informative,
                                 int redundant, int clustersPerClass, double classSep, double flipY)
        implements DatasetSpec {

    public static final String TYPE = "synthetic-fraud";
    public static final int DEFAULT_ROWS = 10_000;
    public static final int DEFAULT_FEATURES = 30;
    public static final double DEFAULT_POSITIVE_RATE = 0.1;
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_CLUSTERS_PER_CLASS = 2;
    public static final double DEFAULT_CLASS_SEP = 1.0;
    /** scikit-learn's make_classification default. */
    public static final double DEFAULT_FLIP_Y = 0.01;

    private static final String PATH = "trainer.dataset.";

    public SyntheticFraudSpec {
        requireRange("rows", rows, 20, 10_000_000);
        requireRange("features", features, 2, 10_000);
        if (!(positiveRate > 0 && positiveRate < 1)) {
            throw new TrialException(PATH + "positiveRate (" + positiveRate + ") must be in (0, 1)");
        }
        requireRange("informative", informative, 2, features);
        requireRange("redundant", redundant, 0, features - informative);
        requireRange("clustersPerClass", clustersPerClass, 1, 64);
        if (informative < 31 && 2 * clustersPerClass > (1 << informative)) {
            throw new TrialException(PATH + "clustersPerClass (" + clustersPerClass + ") needs 2 * clustersPerClass <= "
                    + "2^informative (" + (1 << informative) + ") distinct hypercube vertices");
        }
        if (!(classSep > 0 && Double.isFinite(classSep))) {
            throw new TrialException(PATH + "classSep (" + classSep + ") must be a finite number > 0");
        }
        if (!(flipY >= 0 && flipY <= 1)) {
            throw new TrialException(PATH + "flipY (" + flipY + ") must be in [0, 1]");
        }
        long positives = Math.round(rows * positiveRate);
        if (positives < clustersPerClass || rows - positives < clustersPerClass) {
            throw new TrialException(PATH + "positiveRate (" + positiveRate + ") with rows (" + rows + ") gives "
                    + positives + " positive rows; each class needs at least clustersPerClass (" + clustersPerClass + ")");
        }
    }

    /**
     * The spec with the default shape for a table of this width: a third of the columns informative, a third
     * redundant, the rest noise (as make_data.py's reference file: 10 + 10 + 10 of 30).
     */
    public static SyntheticFraudSpec of(int rows, int features, double positiveRate, long seed) {
        int informative = defaultInformative(features);
        return new SyntheticFraudSpec(rows, features, positiveRate, seed, informative,
                defaultRedundant(features, informative), DEFAULT_CLUSTERS_PER_CLASS, DEFAULT_CLASS_SEP, DEFAULT_FLIP_Y);
    }

    public static int defaultInformative(int features) {
        return Math.max(2, features / 3);
    }

    public static int defaultRedundant(int features, int informative) {
        return Math.max(0, Math.min(features - informative, features / 3));
    }

    @Override
    public Dataset load() {
        return SyntheticFraud.generate(this);
    }

    @Override
    public String contentVersion() {
        return "";
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new TrialException(PATH + field + " (" + value + ") must be between " + min + " and " + max);
        }
    }
}
