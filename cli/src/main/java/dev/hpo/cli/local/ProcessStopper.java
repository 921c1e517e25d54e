package dev.hpo.cli.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes by pid, politely first: SIGTERM, then SIGKILL for those still running after a grace period. */
final class ProcessStopper {

    private ProcessStopper() {
    }

    /** Stops all {@code processes} at once and returns when every one is gone. */
    static void stop(List<StackProcess> processes, Duration grace) {
        List<ProcessHandle> handles = processes.stream().map(StackProcess::handle)
                .flatMap(Optional::stream).toList();
        handles.forEach(ProcessHandle::destroy);
        awaitExit(handles, grace);
        List<ProcessHandle> survivors = handles.stream().filter(ProcessHandle::isAlive).toList();
        survivors.forEach(ProcessHandle::destroyForcibly);
        awaitExit(survivors, grace);
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration limit) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Whoever is still running is the caller's to handle (SIGKILL, or a report).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
