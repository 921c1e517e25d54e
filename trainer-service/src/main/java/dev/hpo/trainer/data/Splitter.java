package dev.hpo.trainer.data;

import dev.hpo.trainer.training.TrialException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Cuts a table into training, validation and test parts, optionally stratified: each class's rows are shuffled
 * and cut separately, so each part keeps the class shares (as scikit-learn's {@code train_test_split(stratify=y)}).
 */
public final class Splitter {

    private Splitter() {
    }

    /** Splits the table; fails when a part would miss a class, as recall and ROC AUC need both. */
    public static Split split(Dataset data, SplitSpec spec) {
        Random random = new Random(spec.seed());
        int[][] groups = spec.stratified()
                ? new int[][] {rowsOfClass(data, 0), rowsOfClass(data, 1)}
                : new int[][] {IntStream.range(0, data.rows()).toArray()};
        IntStream.Builder train = IntStream.builder();
        IntStream.Builder validation = IntStream.builder();
        IntStream.Builder test = IntStream.builder();
        for (int[] group : groups) {
            Permutations.shuffle(random, group);
            int testRows = (int) Math.round(group.length * spec.test());
            int validationRows = (int) Math.round(group.length * spec.validation());
            for (int i = 0; i < group.length; i++) {
                (i < testRows ? test : i < testRows + validationRows ? validation : train).add(group[i]);
            }
        }
        Split split = new Split(part(data, train), part(data, validation), part(data, test));
        requireBothClasses("training", split.train(), data);
        requireBothClasses("validation", split.validation(), data);
        if (spec.test() > 0) {
            requireBothClasses("test", split.test(), data);
        }
        return split;
    }

    private static int[] rowsOfClass(Dataset data, int label) {
        return IntStream.range(0, data.rows()).filter(i -> data.labels()[i] == label).toArray();
    }

    /** Keeps the table's row order inside a part, so a part does not depend on how groups were visited. */
    private static Dataset part(Dataset data, IntStream.Builder rows) {
        int[] indices = rows.build().toArray();
        Arrays.sort(indices);
        return data.select(indices);
    }

    private static void requireBothClasses(String name, Dataset part, Dataset whole) {
        int positives = part.positives();
        if (positives == 0 || positives == part.rows()) {
            throw new TrialException("trainer.split leaves the " + name + " part (" + part.rows() + " rows) with "
                    + (positives == 0 ? "no row of class 1" : "no row of class 0") + "; the data has " + whole.rows()
                    + " rows, " + whole.positives() + " of class 1");
        }
    }
}
