package dev.hpo.cli;

import dev.hpo.cli.demo.DemoCommand;
import dev.hpo.cli.local.LocalCommand;
import picocli.CommandLine.Command;

/** The top-level {@code ./hpo} command, whose subcommands do the work. */
@Command(name = "hpo", mixinStandardHelpOptions = true, version = "hpo 0.1.0-SNAPSHOT",
        description = "Bayesian hyperparameter optimization for DL4J models over Kafka.",
        subcommands = {LocalCommand.class, DemoCommand.class, dev.hpo.cli.study.StudyCommand.class})
public final class HpoCommand {
}
