package dev.hpo.cli.local;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./hpo local status}: the API URL, the bootstrap address and each process with its pid, what it owns and
 * its log.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the optimizer's API URL, the Kafka bootstrap address and each process: running or gone, "
                + "its port, what it owns (an optimizer's partitions and running studies, a trainer's trial) and its log.")
final class LocalStatusCommand implements Callable<Integer> {

    @ParentCommand
    private LocalCommand local;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: {\"api\", \"bootstrap\", \"processes\": "
            + "[{\"name\", \"pid\", \"log\", "
            + "\"port\", \"running\", \"owns\"}]}.")
    private boolean json;

    @Override
    public Integer call() {
        LocalStack stack = local.stack();
        Optional<StackState> state = stack.status();
        if (state.isEmpty()) {
            spec.commandLine().getErr().println("The local stack is not running (no state.json in " + stack.stateDir()
                    + "); start it with ./hpo local up");
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? StatusReport.json(state.get()) + System.lineSeparator() : StatusReport.text(state.get()));
        out.flush();
        return 0;
    }
}
