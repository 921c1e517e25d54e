package dev.hpo.cli.local;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./hpo local}: keeps the broker, the optimizer and the trainers running as local processes. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run Kafka, the optimizer and trainers as local background processes (no Docker).",
        subcommands = {LocalUpCommand.class, LocalDownCommand.class, LocalStatusCommand.class})
public final class LocalCommand {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where state.json, logs/ and kafka/ live (default: $" + LocalStack.STATE_DIR_ENV
                    + ", else <repo>/.hpo/local).")
    private Path stateDir;

    /** Returns the stack the subcommands act on. */
    LocalStack stack() {
        Path home = RepoHome.locate();
        return new LocalStack(stateDir != null ? stateDir : LocalStack.defaultStateDir(home), ServiceCommands.jars(home));
    }
}
