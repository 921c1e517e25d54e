package dev.hpo.cli.bench;

import dev.hpo.cli.bench.TopicLog.IssuedTrial;
import dev.hpo.cli.bench.TopicLog.ReportedResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How fast trials flowed, from the topics' record timestamps.
 *
 * @param suggestions            trials issued for the first time (re-issues not counted)
 * @param spanMillis             from the first first-issue to the last
 * @param perReplica             first issues by the replica that issued them (the trial record's {@code hpo-replica}
 *                               header)
 * @param latenciesMillis        for each result, the time until the next trial record of its study, ascending;
 *                               the last results of a study, followed by none, are left out
 */
record TrialFlow(long suggestions, long spanMillis, Map<String, ReplicaShare> perReplica,
                 List<Long> latenciesMillis) {

    /** What one replica issued: first issues, of how many studies, from its first to its last. */
    record ReplicaShare(long suggestions, long studies, long spanMillis) {

        double suggestionsPerSecond() {
            return spanMillis <= 0 ? 0 : suggestions * 1000.0 / spanMillis;
        }
    }

    TrialFlow {
        perReplica = Map.copyOf(perReplica);
        latenciesMillis = List.copyOf(latenciesMillis);
    }

    /** Suggestions per second over the span; 0 for fewer than two. */
    double suggestionsPerSecond() {
        return spanMillis <= 0 ? 0 : suggestions * 1000.0 / spanMillis;
    }

    /** The {@code q}-quantile (0..1) of the result-to-next-trial latencies, nearest rank; -1 for none. */
    long latencyQuantile(double q) {
        if (latenciesMillis.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(q * latenciesMillis.size());
        return latenciesMillis.get(Math.max(0, Math.min(latenciesMillis.size() - 1, rank - 1)));
    }

    /** The flow in {@code log}, first issues attributed to the replicas that issued them. */
    static TrialFlow of(TopicLog log) {
        Set<String> seen = new HashSet<>();
        List<IssuedTrial> first = new ArrayList<>();
        Map<String, List<Long>> trialTimes = new HashMap<>();
        for (IssuedTrial t : log.trials()) {
            if (seen.add(t.trialId())) {
                first.add(t);
            }
            trialTimes.computeIfAbsent(t.studyId(), s -> new ArrayList<>()).add(t.at());
        }
        trialTimes.values().forEach(times -> times.sort(Comparator.naturalOrder()));
        long min = first.stream().mapToLong(IssuedTrial::at).min().orElse(0);
        long max = first.stream().mapToLong(IssuedTrial::at).max().orElse(0);
        Map<String, List<IssuedTrial>> byHolder = new TreeMap<>();
        for (IssuedTrial t : first) {
            byHolder.computeIfAbsent(t.replica(), h -> new ArrayList<>()).add(t);
        }
        Map<String, ReplicaShare> perReplica = new TreeMap<>();
        byHolder.forEach((holder, issued) -> perReplica.put(holder, new ReplicaShare(issued.size(),
                issued.stream().map(IssuedTrial::studyId).distinct().count(),
                issued.stream().mapToLong(IssuedTrial::at).max().orElse(0)
                        - issued.stream().mapToLong(IssuedTrial::at).min().orElse(0))));
        List<Long> latencies = new ArrayList<>();
        for (ReportedResult r : log.results()) {
            List<Long> times = trialTimes.getOrDefault(r.studyId(), List.of());
            int i = firstAtOrAfter(times, r.at());
            if (i < times.size()) {
                latencies.add(times.get(i) - r.at());
            }
        }
        latencies.sort(Comparator.naturalOrder());
        return new TrialFlow(first.size(), max - min, perReplica, latencies);
    }

    private static int firstAtOrAfter(List<Long> sorted, long at) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid) < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
