package dev.hpo.optimizer.bo;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps configurations of a search space to points of the unit cube [0, 1]^d and back, the coordinates a
 * surrogate model works in.
 *
 * <ul>
 *   <li>A parameter with {@code m} grid values (int, float with step, boolean as false/true) takes one dimension
 *   cut into {@code m} equal bins; value {@code i} encodes to the bin centre {@code (i + 1/2) / m}, and decoding
 *   snaps any point of bin {@code i} to value {@code i}. Uniform points thus decode to uniform grid values.</li>
 *   <li>A continuous float takes one dimension, linear in the value, or in its logarithm when {@code log}.</li>
 *   <li>A choice among {@code k} values takes {@code k} dimensions, one-hot; decoding takes the argmax.</li>
 *   <li>A parameter that is inactive under its condition encodes to {@value #NEUTRAL} in each of its dimensions,
 *   so all configurations where it is inactive agree there and it adds nothing to their distances; decoding
 *   leaves it out.</li>
 * </ul>
 */
public final class SpaceEncoder {

    /** The coordinate of an inactive parameter: the centre, so it is equally far from every active value. */
    static final double NEUTRAL = 0.5;

    private final SearchSpace space;
    private final List<Parameter> parameters;
    private final int[] offsets;
    private final int dimensions;

    public SpaceEncoder(SearchSpace space) {
        this.space = space;
        this.parameters = space.parameters();
        this.offsets = new int[parameters.size()];
        int d = 0;
        for (int i = 0; i < parameters.size(); i++) {
            offsets[i] = d;
            d += width(parameters.get(i));
        }
        this.dimensions = d;
    }

    /** The number of dimensions of the unit cube. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * The point of {@code config}; parameters inactive under their conditions (or absent) take the neutral
     * coordinate, and a value off its grid takes the nearest grid value's bin.
     */
    public double[] encode(Map<String, Object> config) {
        double[] u = new double[dimensions];
        Map<String, Object> active = space.activeOnly(config);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Object value = active.get(p.name());
            if (value == null) {
                Arrays.fill(u, offsets[i], offsets[i] + width(p), NEUTRAL);
            } else {
                encodeValue(p, value, u, offsets[i]);
            }
        }
        return u;
    }

    /** The configuration at point {@code u} (coordinates clamped to [0, 1]): only active parameters, in order. */
    public Map<String, Object> decode(double[] u) {
        if (u.length != dimensions) {
            throw new IllegalArgumentException("point has " + u.length + " coordinates, the space " + dimensions);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (SearchSpace.isActive(p, config)) {
                config.put(p.name(), decodeValue(p, u, offsets[i]));
            }
        }
        return Collections.unmodifiableMap(config);
    }

    private static int width(Parameter p) {
        return p instanceof ChoiceParameter c ? c.values().size() : 1;
    }

    private static void encodeValue(Parameter p, Object value, double[] u, int at) {
        if (p instanceof ChoiceParameter c) {
            int index = c.indexOf(value);
            if (index < 0) {
                throw new IllegalArgumentException(p.name() + " (" + value + ") is not one of " + c.values());
            }
            u[at + index] = 1.0;
            return;
        }
        if (p instanceof BooleanParameter) {
            u[at] = binCentre(Boolean.TRUE.equals(value) ? 1 : 0, 2);
            return;
        }
        double v = ((Number) value).doubleValue();
        if (p instanceof IntParameter ip) {
            u[at] = binCentre(nearestIndex(v, ip.min(), ip.step(), ip.size()), ip.size());
        } else {
            FloatParameter fp = (FloatParameter) p;
            if (fp.step().isPresent()) {
                u[at] = binCentre(nearestIndex(v, fp.min(), fp.step().getAsDouble(), fp.size()), fp.size());
            } else {
                u[at] = continuousCoordinate(fp, v);
            }
        }
    }

    private static Object decodeValue(Parameter p, double[] u, int at) {
        if (p instanceof ChoiceParameter c) {
            int best = 0;
            for (int k = 1; k < c.values().size(); k++) {
                if (u[at + k] > u[at + best]) {
                    best = k;
                }
            }
            return c.values().get(best);
        }
        double x = Math.min(1.0, Math.max(0.0, u[at]));
        if (p instanceof BooleanParameter) {
            return bin(x, 2) == 1;
        }
        if (p instanceof IntParameter ip) {
            return ip.valueAt(bin(x, ip.size()));
        }
        FloatParameter fp = (FloatParameter) p;
        if (fp.step().isPresent()) {
            return fp.valueAt(bin(x, fp.size()));
        }
        double v = fp.log()
                ? Math.exp(Math.log(fp.min()) + x * (Math.log(fp.max()) - Math.log(fp.min())))
                : fp.min() + x * (fp.max() - fp.min());
        return Math.min(fp.max(), Math.max(fp.min(), v));
    }

    private static double continuousCoordinate(FloatParameter fp, double v) {
        if (fp.max() == fp.min()) {
            return NEUTRAL;
        }
        double x = fp.log()
                ? (Math.log(v) - Math.log(fp.min())) / (Math.log(fp.max()) - Math.log(fp.min()))
                : (v - fp.min()) / (fp.max() - fp.min());
        return Math.min(1.0, Math.max(0.0, x));
    }

    private static double binCentre(long index, long bins) {
        return (index + 0.5) / bins;
    }

    private static long bin(double x, long bins) {
        return Math.min(bins - 1, (long) Math.floor(x * bins));
    }

    private static long nearestIndex(double v, double min, double step, long size) {
        return Math.max(0, Math.min(size - 1, Math.round((v - min) / step)));
    }
}
