package dev.hpo.trainer.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Binary classification metrics from labels and predicted probabilities of class 1. Written here rather than taken
 * from DL4J's {@code Evaluation} and {@code ROC} because those need INDArrays, log warnings for the edge cases and
 * compute ROC AUC on a threshold grid unless asked for exact mode; these are exact, finite and plain Java.
 */
public final class BinaryMetrics {

    /** A probability above this is a prediction of class 1 (Keras's metrics use {@code y_pred > 0.5}). */
    public static final double THRESHOLD = 0.5;
    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] in the log loss, as Keras's backend epsilon. */
    public static final double EPSILON = 1e-7;

    private BinaryMetrics() {
    }

    /**
     * Counts of a thresholded classifier, and the ratios derived from them. A ratio whose denominator is zero is
     * 0 (scikit-learn's {@code zero_division=0}), never NaN.
     */
    public record Confusion(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double accuracy() {
            return ratio(truePositives + trueNegatives,
                    truePositives + trueNegatives + falsePositives + falseNegatives);
        }

        /** Harmonic mean of precision and recall: 2 TP / (2 TP + FP + FN). */
        public double f1() {
            return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
        }

        private static double ratio(long numerator, long denominator) {
            return denominator == 0 ? 0 : (double) numerator / denominator;
        }
    }

    /**
     * {@code <prefix>recall, precision, accuracy, auc, f1, loss}, e.g. prefix {@code val_}; the loss is unweighted
     * (Keras also leaves class weights out of validation loss).
     */
    public static Map<String, Double> evaluate(String prefix, int[] labels, double[] probabilities) {
        Confusion confusion = confusion(labels, probabilities);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(prefix + "loss", logLoss(labels, probabilities));
        metrics.put(prefix + "recall", confusion.recall());
        metrics.put(prefix + "precision", confusion.precision());
        metrics.put(prefix + "accuracy", confusion.accuracy());
        metrics.put(prefix + "auc", rocAuc(labels, probabilities));
        metrics.put(prefix + "f1", confusion.f1());
        return metrics;
    }

    public static Confusion confusion(int[] labels, double[] probabilities) {
        requireSameLength(labels, probabilities);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = probabilities[i] > THRESHOLD;
            if (labels[i] == 1) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive scores above a
     * random negative, ties counting one half (Hanley and McNeil 1982); tied scores get their average rank.
     *
     * @throws IllegalArgumentException when a class is missing, where the AUC is undefined
     */
    public static double rocAuc(int[] labels, double[] scores) {
        requireSameLength(labels, scores);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes; got " + positives + " positives and "
                    + negatives + " negatives");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy, probabilities clipped to [EPSILON, 1 - EPSILON]. */
    public static double logLoss(int[] labels, double[] probabilities) {
        requireSameLength(labels, probabilities);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / labels.length;
    }

    private static void requireSameLength(int[] labels, double[] values) {
        if (labels.length != values.length || labels.length == 0) {
            throw new IllegalArgumentException(labels.length + " labels and " + values.length + " predictions");
        }
    }
}
