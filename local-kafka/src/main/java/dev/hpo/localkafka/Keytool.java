package dev.hpo.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JDK's {@code keytool} (of the running JVM's {@code java.home}) in a directory, with the key stores'
 * password in its environment ({@code -storepass:env}), never on a command line.
 */
final class Keytool {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String PASSWORD_VARIABLE = "HPO_KEYTOOL_STOREPASS";
    /** keytool is a short run: C1 only and the serial collector halve its start-up (0.9 s to 0.5 s here). */
    private static final List<String> FAST_START = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

    private final Path directory;
    private final String storePassword;

    Keytool(Path directory, String storePassword) {
        this.directory = directory;
        this.storePassword = storePassword;
    }

    /** Returns the directory keytool runs in, against which relative file names resolve. */
    Path directory() {
        return directory;
    }

    /**
     * Runs {@code keytool <command> <args> -storepass:env ...} in the directory.
     *
     * @throws IllegalStateException if keytool fails; the message holds its output
     */
    void run(String command, String... args) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        line.addAll(FAST_START);
        line.add(command);
        line.addAll(List.of(args));
        line.addAll(List.of("-storepass:env", PASSWORD_VARIABLE));
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile())
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, storePassword);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + command + " " + String.join(" ", args) + " failed with exit code "
                        + process.exitValue() + " in " + directory + ": " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool " + command, e);
        }
    }
}
