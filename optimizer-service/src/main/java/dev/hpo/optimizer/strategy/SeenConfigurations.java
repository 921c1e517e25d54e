package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The configurations a study has already proposed (completed, pending, failed) plus those chosen during the
 * current call, so that a strategy never proposes one twice.
 */
public final class SeenConfigurations {

    /** Golden-ratio increment of SplitMix64 (Steele, Lea and Flood 2014), spreads consecutive counts apart. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final SearchSpace space;
    private final Set<ConfigurationKey> keys = new HashSet<>();
    private final int historySize;

    public SeenConfigurations(SearchSpace space, StudyHistory history) {
        this.space = space;
        // Inactive parameters that a caller left in a configuration do not make it a different one.
        history.seen().forEach(c -> keys.add(ConfigurationKey.of(space.activeOnly(c))));
        this.historySize = history.seen().size();
    }

    public boolean contains(Map<String, Object> config) {
        return keys.contains(ConfigurationKey.of(space.activeOnly(config)));
    }

    /** Records {@code config} as seen; false when it already was. */
    public boolean add(Map<String, Object> config) {
        return keys.add(ConfigurationKey.of(space.activeOnly(config)));
    }

    /**
     * A random stream that depends only on the seed and the number of configurations in the history, so that a
     * restarted optimiser replaying a study's history proposes what the original would have.
     */
    public SplittableRandom random(long seed) {
        return new SplittableRandom(seed + GOLDEN_GAMMA * (historySize + 1L));
    }
}
