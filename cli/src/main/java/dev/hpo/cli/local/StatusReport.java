package dev.hpo.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a stack's state for {@code ./hpo local status}, as text for people or as one JSON object. */
final class StatusReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusReport() {
    }

    /**
     * Returns the API URL, the bootstrap address and one line per process with its pid, liveness, port, what it
     * owns ({@link ServiceOwnership}) and log.
     */
    static String text(StackState state) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("optimizer API   %s%n", state.api() == null ? "(not started)" : state.api()));
        if (state.api() != null) {
            out.append(String.format("dashboard       %s/%n", state.api()));
        }
        out.append(String.format("Kafka bootstrap %s%n", state.bootstrap()));
        for (StackProcess process : state.processes()) {
            out.append(String.format("%-12s pid %-8d %-8s port %-6d owns %-44s log %s%n", process.name(),
                    process.pid(), process.running() ? "running" : "gone", process.port(), ServiceOwnership.of(process),
                    process.log()));
        }
        return out.toString();
    }

    /**
     * Returns {@code {"api": ..., "bootstrap": ..., "processes": [{"name": ..., "pid": ..., "log": ..., "port": ...,
     * "running": ..., "owns": ...}]}} on one line: the contract of {@code ./hpo local status --json}.
     */
    static String json(StackState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("api", state.api());
        root.put("bootstrap", state.bootstrap());
        ArrayNode processes = root.putArray("processes");
        for (StackProcess process : state.processes()) {
            processes.addObject().put("name", process.name()).put("pid", process.pid()).put("log", process.log())
                    .put("port", process.port()).put("running", process.running())
                    .put("owns", ServiceOwnership.of(process));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the stack state as JSON", e);
        }
    }
}
