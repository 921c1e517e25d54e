package dev.hpo.localkafka;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the last lines of a process's log file, for error messages. */
public final class LogTail {

    /** Only the end of the file is read: a broker's log grows to many megabytes. */
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** Returns the last {@code lines} lines of {@code log}, or a note saying why there are none. */
    public static String of(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log file at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            if (all.isEmpty()) {
                return "(" + log + " is empty)";
            }
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
