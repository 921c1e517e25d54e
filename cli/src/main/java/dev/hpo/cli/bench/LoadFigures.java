package dev.hpo.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.bench.ReplicaWatch.ReplicaFigures;
import dev.hpo.cli.bench.TrialFlow.ReplicaShare;
import dev.hpo.cli.demo.Table;
import dev.hpo.common.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one load bench run measured, as a table for people and one JSON line.
 *
 * @param bench        the run's options
 * @param wallMillis   from the first study created to the last one ended
 * @param flow         suggestions and result-to-next-trial latencies, from the topics
 * @param audit        lost and doubled trials, from the topics and the API
 * @param replicas     each optimizer replica's CPU, suggestion timer, peaks of running studies and partitions,
 *                     partitions owned and handovers
 * @param stubIdle     the stub workers' idle fraction: 1 - (summed busy time) / (workers x wall time)
 * @param handover     the handover after {@code --kill-replica-at}, or null without it
 */
record LoadFigures(LoadBench bench, long wallMillis, TrialFlow flow, LoadAudit audit,
                   Map<String, ReplicaFigures> replicas, double stubIdle, Handover handover) {

    /**
     * The handover after the kill.
     *
     * @param killed         the replica killed with SIGKILL, the one that owned the most partitions
     * @param readyMillis    until the live replicas were seen owning every partition again; -1 if they were not
     * @param flowingMillis  until the next trial record of a study the killed replica drove; -1 if none came
     */
    record Handover(String killed, long readyMillis, long flowingMillis) {
    }

    /** Partitions taken over or given up after the first assignment, summed over the replicas. */
    long handovers() {
        return replicas.values().stream().mapToLong(ReplicaFigures::handovers).sum();
    }

    /** The mean time of one suggestion batch over every replica's timer, ms; -1 without one. */
    double suggestMillis() {
        long batches = replicas.values().stream().mapToLong(ReplicaFigures::suggestBatches).sum();
        double seconds = replicas.values().stream().mapToDouble(ReplicaFigures::suggestSeconds).sum();
        return batches == 0 ? -1 : seconds * 1000 / batches;
    }

    /** The optimizer processes' CPU time (every replica) per suggestion, ms. */
    double cpuMillisPerSuggestion() {
        long cpu = replicas.values().stream().mapToLong(r -> r.cpu().toMillis()).sum();
        return flow.suggestions() == 0 ? 0 : (double) cpu / flow.suggestions();
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%nload: %d studies x %d trials, %d stub workers, %d optimizer replica(s), "
                        + "parallelism %d, %.1f s%n", bench.studies(), bench.trials(), bench.workers(), bench.replicas(),
                bench.parallelism(), wallMillis / 1000.0));
        Table figures = new Table(List.of("figure", "value"))
                .add(List.of("suggestions per second", String.format("%.1f (%d in %.1f s)",
                        flow.suggestionsPerSecond(), flow.suggestions(), flow.spanMillis() / 1000.0)))
                .add(List.of("result-to-next-trial p50 / p99", String.format("%d / %d ms (%d results)",
                        flow.latencyQuantile(0.5), flow.latencyQuantile(0.99), flow.latenciesMillis().size())))
                .add(List.of("one suggestion (hpo_suggest mean)", String.format("%.1f ms", suggestMillis())))
                .add(List.of("CPU per suggestion (optimizers)", String.format("%.1f ms", cpuMillisPerSuggestion())))
                .add(List.of("stub idle fraction", String.format("%.4f", stubIdle)))
                .add(List.of("handovers", Long.toString(handovers())));
        if (handover != null) {
            figures.add(List.of("after SIGKILL of " + handover.killed(), String.format(
                    "every partition owned again in %d ms, its studies' trials flow again in %d ms", handover.readyMillis(),
                    handover.flowingMillis())));
        }
        b.append(figures.text());
        Table owners = new Table(List.of("replica", "suggestions", "per second", "studies", "peak running",
                "partitions", "CPU s"));
        for (String name : replicaNames()) {
            ReplicaShare share = flow.perReplica().getOrDefault(name, new ReplicaShare(0, 0, 0));
            ReplicaFigures r = replicas.get(name);
            owners.add(List.of(name, Long.toString(share.suggestions()),
                    String.format("%.1f", share.suggestionsPerSecond()), Long.toString(share.studies()),
                    r == null ? "-" : Long.toString(r.peakRunningStudies()),
                    r == null || r.partitions().isEmpty() ? "-" : r.partitions(),
                    r == null ? "-" : String.format("%.1f", r.cpu().toMillis() / 1000.0)));
        }
        b.append(owners.text());
        Table audit = new Table(List.of("audit (topics, independent consumer)", "count"))
                .add(List.of("trials issued", Long.toString(this.audit.issued())))
                .add(List.of("completed", Long.toString(this.audit.completed())))
                .add(List.of("lost", Long.toString(this.audit.lost())))
                .add(List.of("completed twice", Long.toString(this.audit.completedTwice())))
                .add(List.of("results counted twice", Long.toString(this.audit.resultsCountedTwice())))
                .add(List.of("studies FINISHED with exactly " + bench.trials() + " trial numbers",
                        this.audit.studiesExact() + " of " + this.audit.studies()));
        b.append(audit.text());
        this.audit.problems().forEach(p -> b.append("  ").append(p).append('\n'));
        return b.toString();
    }

    /** Every replica, watched or credited with suggestions. */
    private List<String> replicaNames() {
        TreeMap<String, Boolean> names = new TreeMap<>();
        replicas.keySet().forEach(n -> names.put(n, true));
        flow.perReplica().keySet().forEach(n -> names.put(n, true));
        return List.copyOf(names.keySet());
    }

    String json() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("studies", bench.studies()).put("trials", bench.trials()).put("workers", bench.workers())
                .put("replicas", bench.replicas()).put("parallelism", bench.parallelism())
                .put("wallSeconds", wallMillis / 1000.0);
        root.put("suggestions", flow.suggestions()).put("suggestionsPerSecond", flow.suggestionsPerSecond());
        root.putObject("resultToNextTrialMs").put("p50", flow.latencyQuantile(0.5))
                .put("p99", flow.latencyQuantile(0.99)).put("samples", flow.latenciesMillis().size());
        root.put("suggestMs", suggestMillis()).put("cpuMsPerSuggestion", cpuMillisPerSuggestion())
                .put("stubIdleFraction", stubIdle).put("handovers", handovers());
        ObjectNode perReplica = root.putObject("perReplica");
        for (String name : replicaNames()) {
            ReplicaShare share = flow.perReplica().getOrDefault(name, new ReplicaShare(0, 0, 0));
            ReplicaFigures r = replicas.get(name);
            ObjectNode node = perReplica.putObject(name).put("suggestions", share.suggestions())
                    .put("suggestionsPerSecond", share.suggestionsPerSecond()).put("studies", share.studies());
            if (r != null) {
                node.put("partitions", r.partitions()).put("peakPartitions", r.peakPartitions())
                        .put("handovers", r.handovers());
                node.put("peakRunningStudies", r.peakRunningStudies()).put("cpuSeconds", r.cpu().toMillis() / 1000.0)
                        .put("suggestBatches", r.suggestBatches());
            }
        }
        if (handover != null) {
            root.putObject("handover").put("killed", handover.killed()).put("readyMs", handover.readyMillis())
                    .put("flowingMs", handover.flowingMillis());
        }
        ObjectNode a = root.putObject("audit");
        a.put("issued", audit.issued()).put("completed", audit.completed()).put("lost", audit.lost())
                .put("completedTwice", audit.completedTwice()).put("resultsCountedTwice", audit.resultsCountedTwice())
                .put("studies", audit.studies()).put("studiesFinishedExact", audit.studiesExact())
                .put("clean", audit.clean());
        audit.problems().stream().filter(Objects::nonNull).forEach(a.putArray("problems")::add);
        return root.toString();
    }
}
