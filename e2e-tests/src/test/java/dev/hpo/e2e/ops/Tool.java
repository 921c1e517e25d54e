package dev.hpo.e2e.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool of the machine (kubectl, promtool, docker-compose) and returns what it printed. */
final class Tool {

    private static final long TIMEOUT_SECONDS = 120;

    private Tool() {
    }

    /**
     * Runs {@code command} in {@code directory} and returns its standard output.
     *
     * @throws AssertionError if the tool is missing, fails or runs over two minutes; the message holds its
     *     error output
     */
    static String run(Path directory, String... command) {
        try {
            Path stderr = Files.createTempFile("tool", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue()
                            + ":\n" + Files.readString(stderr) + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + List.of(command) + " (.ci/run installs the tools it needs: "
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + List.of(command), e);
        }
    }

    /** Reads a file that must exist. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
