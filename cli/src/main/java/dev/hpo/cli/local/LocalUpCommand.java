package dev.hpo.cli.local;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./hpo local up}: starts the stack in the background unless it is already up. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, the optimizer and trainers in the background and wait until they are ready.")
final class LocalUpCommand implements Callable<Integer> {

    @ParentCommand
    private LocalCommand local;

    @Spec
    private CommandSpec spec;

    @Option(names = "--trainers", paramLabel = "K", defaultValue = "2",
            description = "Number of trainer processes (default: ${DEFAULT-VALUE}).")
    private int trainers;

    @Option(names = "--secure",
            description = "Secure Kafka: SASL_SSL with SCRAM-SHA-512 and a throwaway CA made in <state-dir>/kafka/"
                    + "security; the services get the settings. It stays secured until that kafka/ folder is "
                    + "deleted, which a broker formatted without security needs first.")
    private boolean secure;

    @Option(names = "--mtls", description = "Like --secure, and clients must also present a certificate (mutual TLS).")
    private boolean mutualTls;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = local.stack().withProgress(out::println);
        if (secure || mutualTls) {
            stack = stack.withSecureKafka(mutualTls);
        }
        Optional<StackState> state = stack.status();
        if (state.isPresent() && state.get().anyRunning()) {
            out.println("The local stack is already up (" + stack.stateDir() + "):");
            out.print(StatusReport.text(state.get()));
            out.flush();
            return 0;
        }
        try {
            out.print(StatusReport.text(stack.up(trainers).state()));
            out.flush();
            return 0;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("Could not start the local stack: " + e.getMessage());
            return 1;
        }
    }
}
