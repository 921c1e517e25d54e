package dev.hpo.cli.local;

import java.util.Optional;

/**
 * One process of the local stack as recorded in {@code state.json}.
 *
 * @param name {@code kafka}, {@code optimizer} or {@code trainer-<i>}
 * @param pid the operating-system process id
 * @param log the file that receives the process's output
 * @param port the port it listens on (Kafka's client port, or the service's HTTP port)
 */
public record StackProcess(String name, long pid, String log, int port) {

    /** Returns whether the process still runs; a pid reused by something other than a JVM does not count. */
    public boolean running() {
        return handle().isPresent();
    }

    /** Returns the running process, if it is still this stack's JVM. */
    Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(true));
    }
}
