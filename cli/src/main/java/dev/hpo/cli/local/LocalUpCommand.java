package dev.hpo.cli.local;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./hpo local up}: starts the stack in the background; on a stack that is up, starts again whatever of it is
 * gone and grows or shrinks the trainers and optimizer replicas to the counts given.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start Kafka, the optimizer and trainers in the background and wait until they are ready.",
            "On a stack that is up: start again whatever of it is not running (a killed trainer, optimizer or the "
                    + "broker, on its port and data), and grow or shrink the trainers and optimizer replicas to "
                    + "--trainers and --optimizers."})
final class LocalUpCommand implements Callable<Integer> {

    @ParentCommand
    private LocalCommand local;

    @Spec
    private CommandSpec spec;

    @Option(names = "--trainers", paramLabel = "K",
            description = "Number of trainer processes (default: 2 for a new stack, as many as it has for one that is "
                    + "up); on a stack that is up it adds trainers or stops the highest-numbered ones.")
    private Integer trainers;

    @Option(names = "--optimizers", paramLabel = "R",
            description = "Number of optimizer replicas (default: 1 for a new stack, as many as it has for one that "
                    + "is up): optimizer, optimizer-2, ...; Kafka spreads the partitions of hpo.studies over "
                    + "them, each drives the studies of its partitions, and a dead replica's go to the others.")
    private Integer optimizers;

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
        LocalStack stack = local.stack();
        if (secure || mutualTls) {
            stack = stack.withSecureKafka(mutualTls);
        }
        Optional<StackState> state = stack.status();
        boolean wasUp = state.isPresent() && state.get().anyRunning();
        AtomicBoolean changed = new AtomicBoolean();
        stack = stack.withProgress(line -> {
            changed.set(true);
            out.println(line);
        });
        try {
            StackState now = stack.ensure(trainers, optimizers).state();
            if (wasUp && !changed.get()) {
                out.println("The local stack is already up (" + stack.stateDir() + "):");
            }
            out.print(StatusReport.text(now));
            out.flush();
            return 0;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("Could not start the local stack: " + e.getMessage());
            return 1;
        }
    }
}
