package dev.hpo.trainer.training;

import dev.hpo.trainer.data.DatasetSpec;
import dev.hpo.trainer.data.PreparedData;
import dev.hpo.trainer.data.SplitSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the most recently used prepared (loaded, split, standardised) tables, keyed by their dataset and split
 * specs, so consecutive trials of a study do not regenerate or reread their data.
 */
public final class DatasetCache {

    /** A study uses one table; a few entries cover a worker that alternates between studies. */
    public static final int DEFAULT_CAPACITY = 4;

    private record Key(DatasetSpec dataset, String contentVersion, SplitSpec split, boolean refit) {
    }

    private final Map<Key, PreparedData> entries;

    public DatasetCache() {
        this(DEFAULT_CAPACITY);
    }

    public DatasetCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity (" + capacity + ") must be >= 1");
        }
        this.entries = new LinkedHashMap<>(capacity + 1, 1f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedData> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The prepared table for these specs, loading and preparing it on a miss. */
    public PreparedData get(DatasetSpec dataset, SplitSpec split) {
        return get(dataset, split, false);
    }

    /** As {@link #get(DatasetSpec, SplitSpec)}, or prepared for a final refit ({@link PreparedData#prepareForRefit}). */
    public synchronized PreparedData get(DatasetSpec dataset, SplitSpec split, boolean refit) {
        Key key = new Key(dataset, dataset.contentVersion(), split, refit);
        PreparedData cached = entries.get(key);
        if (cached == null) {
            cached = refit ? PreparedData.prepareForRefit(dataset.load(), split)
                    : PreparedData.prepare(dataset.load(), split);
            entries.put(key, cached);
        }
        return cached;
    }

    public synchronized int size() {
        return entries.size();
    }
}
