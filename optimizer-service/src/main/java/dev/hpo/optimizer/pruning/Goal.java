package dev.hpo.optimizer.pruning;

import dev.hpo.common.study.Direction;
import java.util.Locale;

/** The objective a rule judges: its metric's name (for the reasons it gives) and its direction. */
record Goal(String metric, boolean maximize) {

    Goal {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric (" + metric + ") must name the objective");
        }
    }

    /** Whether {@code a} is strictly better than {@code b} ({@link Direction#better}). */
    boolean better(double a, double b) {
        return (maximize ? Direction.MAXIMIZE : Direction.MINIMIZE).better(a, b);
    }

    /** {@code value}, when it is at least {@code min}; an error naming {@code field} otherwise. */
    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " (" + value + ") must be >= " + min);
        }
        return value;
    }

    /** A value as the reasons print it. */
    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
