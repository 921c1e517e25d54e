package dev.hpo.common.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partition numbers as people read them, {@code 0-3,7,9-11}: how an optimizer replica's readiness data names the
 * partitions of {@code hpo.studies} it owns, for {@code ./hpo local status}, the load bench and the tests.
 */
public final class PartitionRanges {

    private PartitionRanges() {
    }

    /** {@code 0-3,7,9-11}; empty for none. */
    public static String format(Collection<Integer> partitions) {
        List<String> parts = new ArrayList<>();
        int from = -1;
        int last = -1;
        for (int n : new TreeSet<>(partitions)) {
            if (from >= 0 && n == last + 1) {
                last = n;
                continue;
            }
            if (from >= 0) {
                parts.add(from == last ? Integer.toString(from) : from + "-" + last);
            }
            from = n;
            last = n;
        }
        if (from >= 0) {
            parts.add(from == last ? Integer.toString(from) : from + "-" + last);
        }
        return String.join(",", parts);
    }

    /**
     * The numbers of {@code text} as {@link #format} writes it.
     *
     * @throws IllegalArgumentException for text that is not such a list
     */
    public static Set<Integer> parse(String text) {
        Set<Integer> numbers = new TreeSet<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ends = part.trim().split("-", -1);
            try {
                int from = Integer.parseInt(ends[0]);
                int to = Integer.parseInt(ends[ends.length - 1]);
                if (ends.length > 2 || from < 0 || to < from) {
                    throw new IllegalArgumentException("not a partition range: " + part);
                }
                for (int n = from; n <= to; n++) {
                    numbers.add(n);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a partition range: " + part, e);
            }
        }
        return numbers;
    }
}
