package dev.hpo.localkafka;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a command line into one that runs in a session of its own, detached from the terminal. */
public final class DetachedCommand {

    private DetachedCommand() {
    }

    /**
     * Returns {@code command} prefixed with {@code setsid} where that exists, so that a Ctrl-C or a
     * closed terminal that ends the starting JVM does not reach the process. Started from a JVM the
     * process is never a group leader, so {@code setsid} execs in place and the pid stays the one
     * {@link Process#pid()} reports.
     */
    public static List<String> of(List<String> command) {
        Optional<Path> setsid = onPath("setsid");
        if (setsid.isEmpty()) {
            return command;
        }
        List<String> detached = new ArrayList<>();
        detached.add(setsid.get().toString());
        detached.addAll(command);
        return detached;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
