package dev.hpo.common.space;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A real parameter in {@code [min, max]}, optionally on a grid of {@code step} and optionally searched in
 * log space ({@code log} needs {@code min > 0} and no step).
 */
public record FloatParameter(String name, double min, double max, OptionalDouble step, boolean log,
                             Optional<Condition> when) implements Parameter {

    /** Values within this relative distance of a grid point count as on the grid (decimal steps). */
    private static final double GRID_TOLERANCE = 1e-9;

    public FloatParameter {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("min (" + min + ") and max (" + max + ") must be finite");
        }
        if (min > max) {
            throw new IllegalArgumentException("min (" + min + ") must be <= max (" + max + ")");
        }
        if (step.isPresent() && !(step.getAsDouble() > 0)) {
            throw new IllegalArgumentException("step (" + step.getAsDouble() + ") must be > 0");
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("min (" + min + ") must be > 0 when log is true");
        }
        if (log && step.isPresent()) {
            throw new IllegalArgumentException("step cannot be combined with log: true");
        }
    }

    public FloatParameter(String name, double min, double max) {
        this(name, min, max, OptionalDouble.empty(), false, Optional.empty());
    }

    /** Number of grid points, when there is a step. */
    public long size() {
        double s = step.orElseThrow(() -> new IllegalStateException(name + " has no step"));
        return (long) Math.floor((max - min) / s + GRID_TOLERANCE) + 1;
    }

    /**
     * The i-th grid value, 0-based, computed in decimal arithmetic so that a decimal step gives decimal values
     * (0.1 * 3 is 0.3, not 0.30000000000000004) at any magnitude.
     */
    public double valueAt(long index) {
        BigDecimal v = BigDecimal.valueOf(min).add(BigDecimal.valueOf(step.orElseThrow()).multiply(BigDecimal.valueOf(index)));
        return Math.min(max, v.doubleValue());
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double v = n.doubleValue();
        double tol = GRID_TOLERANCE * Math.max(1.0, Math.abs(max - min));
        if (!(v >= min - tol && v <= max + tol)) {
            return false;
        }
        if (step.isEmpty()) {
            return true;
        }
        double k = (v - min) / step.getAsDouble();
        return Math.abs(k - Math.rint(k)) < 1e-6;
    }
}
