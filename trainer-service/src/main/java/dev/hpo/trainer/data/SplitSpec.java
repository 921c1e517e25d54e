package dev.hpo.trainer.data;

import dev.hpo.trainer.training.TrialException;

/**
 * How to cut a table into training, validation and test parts: the {@code split} entry of the trainer section.
 *
 * @param validation share of the rows for validation, in (0, 1)
 * @param test       share of the rows held out for testing, in [0, 1); 0 means no test part
 * @param stratified keep each class's share equal in every part
 * @param seed       seed of the shuffle that assigns rows to parts
 */
public record SplitSpec(double validation, double test, boolean stratified, long seed) {

    public static final double DEFAULT_VALIDATION = 0.2;
    public static final double DEFAULT_TEST = 0.2;
    public static final long DEFAULT_SEED = 7;

    public SplitSpec {
        if (!(validation > 0 && validation < 1)) {
            throw new TrialException("trainer.split.validation (" + validation + ") must be in (0, 1)");
        }
        if (!(test >= 0 && test < 1)) {
            throw new TrialException("trainer.split.test (" + test + ") must be in [0, 1)");
        }
        if (validation + test >= 1) {
            throw new TrialException("trainer.split.validation (" + validation + ") + trainer.split.test (" + test
                    + ") must be < 1, to leave rows for training");
        }
    }
}
