package dev.hpo.common.study;

/**
 * Stopping poor trials before their last epoch ({@code earlyStopping} in a spec), judged on the study's objective
 * as the workers report it after each epoch on {@code hpo.progress}. Not to be confused with the trainer's own
 * {@code trainer.earlyStopping}, which ends one trial when its validation loss stops improving.
 *
 * <p>A stopped trial ends {@code PRUNED}: it counts towards the budget, is never the study's best, and enters the
 * surrogate no better than the worst completed trial (see the optimizer's {@code Study.history}).
 *
 * @param type            the rule
 * @param minEpochs       no trial is stopped before it has run this many epochs (for ASHA, the first rung)
 * @param minTrials       the evidence a decision needs: for the median rule, the completed trials whose running
 *                        averages form the median; for ASHA, the values recorded at a rung (the judged trial's
 *                        included) before the rung stops anyone
 * @param reductionFactor ASHA's η: rungs at minEpochs·η^k epochs, and the top 1/η of a rung go on (unused by the
 *                        median rule)
 */
public record EarlyStopping(Type type, int minEpochs, int minTrials, int reductionFactor) {

    /** The rules. */
    public enum Type {
        /**
         * The median stopping rule (Golovin et al., "Google Vizier", KDD 2017): stop a trial whose best objective so
         * far is worse than the median of the other trials' running averages at the same epoch.
         */
        MEDIAN(DEFAULT_MEDIAN_MIN_EPOCHS, DEFAULT_MEDIAN_MIN_TRIALS),
        /** Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2020). */
        ASHA(DEFAULT_ASHA_MIN_EPOCHS, DEFAULT_ASHA_MIN_TRIALS);

        private final int defaultMinEpochs;
        private final int defaultMinTrials;

        Type(int defaultMinEpochs, int defaultMinTrials) {
            this.defaultMinEpochs = defaultMinEpochs;
            this.defaultMinTrials = defaultMinTrials;
        }

        /** {@code minEpochs} when a spec leaves it out. */
        public int defaultMinEpochs() {
            return defaultMinEpochs;
        }

        /** {@code minTrials} when a spec leaves it out. */
        public int defaultMinTrials() {
            return defaultMinTrials;
        }
    }

    /**
     * The median rule judges from the first epoch once 3 trials have completed, as Ray Tune's
     * {@code MedianStoppingRule} ({@code min_samples_required = 3}) and Optuna's {@code MedianPruner}
     * ({@code n_warmup_steps = 0}). On the demo, epoch 5 and 5 trials saved a tenth of the epochs, these about 40%,
     * keeping the best recall within 0.01 in 7 seeds of 10 (a second run of the same study: 8 of 10; see
     * docs/benchmarks.md, "Early stopping of trials").
     */
    public static final int DEFAULT_MEDIAN_MIN_EPOCHS = 1;
    public static final int DEFAULT_ASHA_MIN_EPOCHS = 1;
    public static final int DEFAULT_MEDIAN_MIN_TRIALS = 3;
    public static final int DEFAULT_ASHA_MIN_TRIALS = 5;
    public static final int DEFAULT_REDUCTION_FACTOR = 3;

    public EarlyStopping {
        if (type == null) {
            throw new IllegalArgumentException("type must be median or asha");
        }
        if (minEpochs < 1 || minTrials < 1 || reductionFactor < 2) {
            throw new IllegalArgumentException("minEpochs (" + minEpochs + ") and minTrials (" + minTrials
                    + ") must be >= 1, reductionFactor (" + reductionFactor + ") >= 2");
        }
    }
}
