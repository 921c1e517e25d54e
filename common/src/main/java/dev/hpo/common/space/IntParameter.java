package dev.hpo.common.space;

import java.util.Optional;

/**
 * An integer parameter on the grid {@code min, min + step, ..., <= max}.
 *
 * @param step grid spacing, at least 1
 */
public record IntParameter(String name, long min, long max, long step, Optional<Condition> when)
        implements Parameter {

    public IntParameter {
        if (min > max) {
            throw new IllegalArgumentException("min (" + min + ") must be <= max (" + max + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step (" + step + ") must be >= 1");
        }
    }

    public IntParameter(String name, long min, long max, long step) {
        this(name, min, max, step, Optional.empty());
    }

    /** Number of grid points. */
    public long size() {
        return (max - min) / step + 1;
    }

    /** The i-th grid value, 0-based. */
    public long valueAt(long index) {
        return min + index * step;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            return false;
        }
        long v = n.longValue();
        return v >= min && v <= max && (v - min) % step == 0;
    }
}
