package dev.hpo.optimizer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options of the benchmark programs, checked against the allowed names. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    /** A benchmark's work, which refuses options it cannot use with an {@link IllegalArgumentException}. */
    interface Body {
        void run(String[] args) throws IOException;
    }

    BenchArgs(String[] args, Set<String> allowed, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : null;
            if (name == null || !(allowed.contains(name) || flags.contains(name))) {
                throw new IllegalArgumentException("unknown option " + a + "; allowed: --" + String.join(", --",
                        allowed) + (flags.isEmpty() ? "" : ", --" + String.join(", --", flags)));
            }
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
    }

    /** Runs a benchmark's main: options it refuses end the program with "{@code program}: why" and status 2. */
    static void main(String program, String[] args, Body body) {
        try {
            body.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " needs an integer, got " + v, e);
        }
    }

    /** Whether the option or flag was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

}
