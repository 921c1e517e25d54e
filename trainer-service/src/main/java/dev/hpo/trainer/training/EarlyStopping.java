package dev.hpo.trainer.training;

import java.util.List;

/**
 * When to stop before the last epoch, after Keras's {@code EarlyStopping} callback: stop once the monitored metric
 * has not improved by more than {@code minDelta} for {@code patience} consecutive epochs, then (by default) go back
 * to the weights of the best epoch. A loss improves by falling, any other metric by rising.
 *
 * @param monitor            the metric watched, one of {@link #MONITORS}
 * @param patience           epochs without improvement tolerated
 * @param minDelta           smallest change that counts as an improvement
 * @param restoreBestWeights end with the best epoch's weights (true) or the last epoch's (false)
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {

    public static final List<String> MONITORS = List.of("val_loss", "val_recall", "val_precision", "val_accuracy",
            "val_auc", "val_f1", "train_loss");
    public static final String DEFAULT_MONITOR = "val_loss";
    public static final int DEFAULT_PATIENCE = 10;

    public EarlyStopping {
        if (!MONITORS.contains(monitor)) {
            throw new TrialException("trainer.earlyStopping.monitor (" + monitor + ") must be one of "
                    + String.join(", ", MONITORS));
        }
        if (patience < 0) {
            throw new TrialException("trainer.earlyStopping.patience (" + patience + ") must be >= 0");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new TrialException("trainer.earlyStopping.minDelta (" + minDelta + ") must be a finite number >= 0");
        }
    }

    /** Whether {@code value} of the monitored metric beats {@code best} by more than minDelta. */
    public boolean improves(double value, double best) {
        return monitor.endsWith("_loss") ? value < best - minDelta : value > best + minDelta;
    }
}
