package dev.hpo.cli;

import picocli.CommandLine;

/** Entry point of the {@code ./hpo} script. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HpoCommand()).execute(args));
    }
}
