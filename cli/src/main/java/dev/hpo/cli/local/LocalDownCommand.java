package dev.hpo.cli.local;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./hpo local down}: stops every process of the stack, the broker last. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the trainers, the optimizer and then Kafka (SIGTERM, SIGKILL after 10 s).")
final class LocalDownCommand implements Callable<Integer> {

    @ParentCommand
    private LocalCommand local;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StackProcess> stopped = local.stack().down();
        if (stopped.isEmpty()) {
            out.println("The local stack is not running.");
        } else {
            out.println("Stopped " + stopped.stream().map(StackProcess::name).collect(Collectors.joining(", ")) + ".");
        }
        return 0;
    }
}
