package dev.hpo.cli.study;

import picocli.CommandLine.Command;

/** {@code ./hpo study}: create, list, show, watch, stop studies and list their trials through the REST API. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Create, list, show, watch and stop studies through the optimizer's REST API.",
        subcommands = {StudyCreateCommand.class, StudyListCommand.class, StudyShowCommand.class,
                StudyWatchCommand.class, StudyStopCommand.class, StudyTrialsCommand.class})
public final class StudyCommand {
}
