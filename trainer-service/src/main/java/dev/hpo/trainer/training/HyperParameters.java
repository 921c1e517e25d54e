package dev.hpo.trainer.training;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validated access to a trial's hyperparameters as decoded from JSON, where a whole number may arrive as
 * Integer, Long or Double (40, 40L and 40.0 are the same integer).
 */
public final class HyperParameters {

    private final Map<String, Object> values;

    /** Rejects null names and values, which JSON decoding produces only for a malformed trial. */
    public HyperParameters(Map<String, Object> values) {
        Map<String, Object> source = values == null ? Map.of() : values;
        source.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new TrialException("params." + name + " (null) must be a number, string or boolean");
            }
        });
        this.values = Map.copyOf(source);
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The raw value, or null when absent. */
    public Object raw(String name) {
        return values.get(name);
    }

    /** An integer in [min, max], or the default when absent. */
    public int integer(String name, int defaultValue, int min, int max) {
        if (!contains(name)) {
            return defaultValue;
        }
        int value = toInt(name, values.get(name));
        if (value < min || value > max) {
            throw new TrialException(name + " (" + value + ") must be between " + min + " and " + max);
        }
        return value;
    }

    /** A finite number strictly greater than zero, or the default when absent. */
    public double positive(String name, double defaultValue) {
        double value = number(name, defaultValue);
        if (!(value > 0)) {
            throw new TrialException(name + " (" + value + ") must be > 0");
        }
        return value;
    }

    /** A finite number greater than or equal to zero, or the default when absent. */
    public double nonNegative(String name, double defaultValue) {
        double value = number(name, defaultValue);
        if (value < 0) {
            throw new TrialException(name + " (" + value + ") must be >= 0");
        }
        return value;
    }

    /** A number in [0, 1), such as a dropout rate, a decay rate or a momentum, or the default when absent. */
    public double fraction(String name, double defaultValue) {
        if (!contains(name)) {
            return defaultValue;
        }
        return toFraction(name, values.get(name));
    }

    /** One of the allowed strings, or the default when absent. */
    public String choice(String name, String defaultValue, Collection<String> allowed) {
        if (!contains(name)) {
            return defaultValue;
        }
        Object value = values.get(name);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new TrialException(name + " (" + value + ") must be one of " + String.join(", ", allowed));
        }
        return text;
    }

    /** Fails on the first parameter that nothing in this trainer reads, so a misspelt name cannot go unnoticed. */
    public void requireKnown(Set<String> known) {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!known.contains(name)) {
                throw new TrialException("parameter " + name + " (" + values.get(name) + ") is not used by this trainer;"
                        + " known parameters: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** Converts a JSON value to an int, accepting 40, 40L and 40.0 but not 40.5 or "40"; {@code what} names it. */
    public static int toInt(String what, Object value) {
        double number = toDouble(what, value);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new TrialException(what + " (" + value + ") must be an integer");
        }
        return (int) number;
    }

    /** Converts a JSON value to a finite double; {@code what} names it in the error. */
    public static double toDouble(String what, Object value) {
        if (!(value instanceof Number number)) {
            throw new TrialException(what + " (" + value + ") must be a number");
        }
        double result = number.doubleValue();
        if (!Double.isFinite(result)) {
            throw new TrialException(what + " (" + value + ") must be a finite number");
        }
        return result;
    }

    /** Converts a JSON value to a number in [0, 1); {@code what} names it in the error. */
    public static double toFraction(String what, Object value) {
        double result = toDouble(what, value);
        if (result < 0 || result >= 1) {
            throw new TrialException(what + " (" + value + ") must be in [0, 1)");
        }
        return result;
    }

    private double number(String name, double defaultValue) {
        return contains(name) ? toDouble(name, values.get(name)) : defaultValue;
    }
}
