package dev.hpo.trainer.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the {@code synthetic-fraud} table: an imbalanced binary problem built the way scikit-learn's
 * {@code make_classification} builds one (after Guyon's design for the NIPS 2003 feature-selection challenge).
 *
 * <p>Generative model, for n rows, p columns, k clusters per class, d informative and r redundant columns and a class
 * separation s:
 * <ol>
 * <li>Class sizes: n1 = round(n * positiveRate) rows of class 1, n0 = n - n1 of class 0; each class's rows are spread
 *     evenly over its k clusters.</li>
 * <li>2k distinct vertices of the hypercube {-s, +s}^d are drawn at random; cluster j belongs to class j mod 2 and
 *     is centred on vertex j.</li>
 * <li>Informative columns of a row of cluster j: x = z A_j + c_j with z ~ N(0, I_d) and A_j a d x d matrix of
 *     uniform [-1, 1) entries, so each cluster has its own random covariance A_j^T A_j and the classes overlap.</li>
 * <li>Redundant columns: x B with B a d x r matrix of uniform [-1, 1) entries: linear combinations of the
 *     informative columns.</li>
 * <li>Noise columns: N(0, 1), independent of the class.</li>
 * <li>Label noise: with probability flipY a row's label is replaced by a fair coin toss, so the share of class 1
 *     becomes about positiveRate (1 - flipY) + flipY / 2.</li>
 * <li>Rows and columns are shuffled, so neither the row order nor a column's position reveals the class or which
 *     columns are informative. Columns are named f00, f01, ...</li>
 * </ol>
 * The output is a function of the spec alone: every draw comes from one {@link Random} seeded with the spec's seed,
 * an algorithm the Java platform specification fixes.
 */
public final class SyntheticFraud {

    private SyntheticFraud() {
    }

    public static Dataset generate(SyntheticFraudSpec spec) {
        Random random = new Random(spec.seed());
        int rows = spec.rows();
        int d = spec.informative();
        int clusters = 2 * spec.clustersPerClass();
        int[] clusterOfRow = clusterOfRow(rows, (int) Math.round(rows * spec.positiveRate()), spec.clustersPerClass());
        double[][] centroids = hypercubeVertices(random, clusters, d, spec.classSep());
        double[][][] mixing = new double[clusters][][];
        for (int j = 0; j < clusters; j++) {
            mixing[j] = uniformMatrix(random, d, d);
        }
        double[][] redundancy = uniformMatrix(random, d, spec.redundant());
        double[][] x = new double[rows][];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            int cluster = clusterOfRow[i];
            x[i] = row(random, spec, mixing[cluster], centroids[cluster], redundancy);
            y[i] = cluster % 2;
        }
        flipLabels(random, y, spec.flipY());
        return shuffle(random, x, y, spec.features());
    }

    /** Rows in cluster order: cluster j (class j mod 2) gets an even share of its class's rows. */
    private static int[] clusterOfRow(int rows, int positives, int clustersPerClass) {
        int[] result = new int[rows];
        int next = 0;
        for (int j = 0; j < 2 * clustersPerClass; j++) {
            int classRows = j % 2 == 1 ? positives : rows - positives;
            int indexInClass = j / 2;
            int size = classRows / clustersPerClass + (indexInClass < classRows % clustersPerClass ? 1 : 0);
            for (int i = 0; i < size; i++) {
                result[next++] = j;
            }
        }
        return result;
    }

    /** Distinct random vertices of {-sep, +sep}^d (the spec guarantees there are enough of them). */
    private static double[][] hypercubeVertices(Random random, int count, int d, double sep) {
        Set<List<Boolean>> seen = new HashSet<>();
        double[][] vertices = new double[count][];
        int found = 0;
        while (found < count) {
            List<Boolean> bits = new ArrayList<>(d);
            for (int c = 0; c < d; c++) {
                bits.add(random.nextBoolean());
            }
            if (seen.add(bits)) {
                double[] vertex = new double[d];
                for (int c = 0; c < d; c++) {
                    vertex[c] = bits.get(c) ? sep : -sep;
                }
                vertices[found++] = vertex;
            }
        }
        return vertices;
    }

    private static double[][] uniformMatrix(Random random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int c = 0; c < columns; c++) {
                row[c] = 2 * random.nextDouble() - 1;
            }
        }
        return m;
    }

    private static double[] row(Random random, SyntheticFraudSpec spec, double[][] mixing, double[] centroid,
                                double[][] redundancy) {
        int d = spec.informative();
        int r = spec.redundant();
        double[] z = new double[d];
        for (int m = 0; m < d; m++) {
            z[m] = random.nextGaussian();
        }
        double[] x = new double[spec.features()];
        for (int c = 0; c < d; c++) {
            double sum = centroid[c];
            for (int m = 0; m < d; m++) {
                sum += z[m] * mixing[m][c];
            }
            x[c] = sum;
        }
        for (int c = 0; c < r; c++) {
            double sum = 0;
            for (int m = 0; m < d; m++) {
                sum += x[m] * redundancy[m][c];
            }
            x[d + c] = sum;
        }
        for (int c = d + r; c < x.length; c++) {
            x[c] = random.nextGaussian();
        }
        return x;
    }

    private static void flipLabels(Random random, int[] y, double flipY) {
        for (int i = 0; i < y.length; i++) {
            if (random.nextDouble() < flipY) {
                y[i] = random.nextBoolean() ? 1 : 0;
            }
        }
    }

    private static Dataset shuffle(Random random, double[][] x, int[] y, int features) {
        int[] rowOrder = Permutations.random(random, x.length);
        int[] columnOrder = Permutations.random(random, features);
        double[][] shuffledX = new double[x.length][features];
        int[] shuffledY = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] source = x[rowOrder[i]];
            for (int c = 0; c < features; c++) {
                shuffledX[i][c] = source[columnOrder[c]];
            }
            shuffledY[i] = y[rowOrder[i]];
        }
        List<String> names = new ArrayList<>(features);
        int width = Math.max(2, String.valueOf(features - 1).length());
        for (int c = 0; c < features; c++) {
            names.add(String.format("f%0" + width + "d", c));
        }
        return new Dataset(shuffledX, shuffledY, names);
    }
}
