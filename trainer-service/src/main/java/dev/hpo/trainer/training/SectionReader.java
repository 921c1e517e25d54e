package dev.hpo.trainer.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one object of the trainer section: typed values with defaults, errors that name the field's path and value,
 * and no unknown keys (a misspelt key would otherwise silently fall back to its default).
 */
final class SectionReader {

    private final JsonNode node;
    private final String path;

    /** An absent or null object reads as empty, so that every field takes its default. */
    SectionReader(JsonNode node, String path, Set<String> known) {
        this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
        this.path = path;
        if (!this.node.isMissingNode() && !this.node.isObject()) {
            throw new TrialException(path + " (" + node + ") must be an object");
        }
        this.node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new TrialException(path + "." + key + " is not a known key (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        });
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode get(String key) {
        return node.path(key);
    }

    String path(String key) {
        return path + "." + key;
    }

    int integer(String key, int defaultValue) {
        return has(key) ? HyperParameters.toInt(path(key), scalar(key)) : defaultValue;
    }

    long longInteger(String key, long defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode value = node.get(key);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new TrialException(path(key) + " (" + value + ") must be an integer");
        }
        return value.longValue();
    }

    double number(String key, double defaultValue) {
        return has(key) ? HyperParameters.toDouble(path(key), scalar(key)) : defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        if (!node.get(key).isBoolean()) {
            throw new TrialException(path(key) + " (" + node.get(key) + ") must be true or false");
        }
        return node.get(key).booleanValue();
    }

    String text(String key, String defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        if (!node.get(key).isTextual()) {
            throw new TrialException(path(key) + " (" + node.get(key) + ") must be a string");
        }
        return node.get(key).asText();
    }

    /** A number as Jackson decoded it, or the JSON text of a non-number for the error message. */
    private Object scalar(String key) {
        JsonNode value = node.get(key);
        return value.isNumber() ? value.numberValue() : value.toString();
    }
}
