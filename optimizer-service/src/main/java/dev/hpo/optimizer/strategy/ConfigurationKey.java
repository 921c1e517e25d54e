package dev.hpo.optimizer.strategy;

import java.util.HashMap;
import java.util.Map;

/**
 * A configuration reduced to a hashable key under {@link dev.hpo.common.space.Values#same}: numbers compare by
 * value whatever their type (1, 1L and 1.0 are one key), as they arrive from JSON in any of those types.
 *
 * @param values parameter name to value, every number as a {@link Double}
 */
public record ConfigurationKey(Map<String, Object> values) {

    public ConfigurationKey {
        values = Map.copyOf(values);
    }

    /** The key of {@code config}. */
    public static ConfigurationKey of(Map<String, ?> config) {
        Map<String, Object> normalised = new HashMap<>();
        config.forEach((name, value) -> normalised.put(name,
                value instanceof Number n ? Double.valueOf(n.doubleValue()) : value));
        return new ConfigurationKey(normalised);
    }
}
