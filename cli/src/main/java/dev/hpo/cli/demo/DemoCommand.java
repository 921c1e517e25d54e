package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.ApiException;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.StackState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hpo demo}: brings the local stack up if needed, runs the reference experiment with a progress bar
 * per study, prints the trials and writes {@code report.json} and {@code report.md}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the reference experiment (fraud-mlp, maximise val_recall) on a local stack.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--budget", paramLabel = "N", defaultValue = "12", description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--epochs-max", paramLabel = "E", defaultValue = "20",
            description = "Largest number of epochs a trial may train (the reference: 200; default: ${DEFAULT-VALUE}).")
    int epochsMax;

    @Option(names = "--trainers", paramLabel = "K", defaultValue = "2",
            description = "Trainer processes, and trials in flight (default: ${DEFAULT-VALUE}).")
    int trainers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strategy", paramLabel = "TYPE", defaultValue = "bayesian",
            description = "bayesian or random (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--rows", paramLabel = "R", defaultValue = "10000",
            description = "Rows of the synthetic fraud data set (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Where report.json and report.md go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        if (budget < 1 || epochsMax < 1 || trainers < 1 || rows < 100) {
            System.err.println("--budget, --epochs-max and --trainers must be >= 1, --rows >= 100");
            return 2;
        }
        String api = ensureStack(console);
        StudyClient client = new StudyClient(api, System.getenv("HPO_API_TOKEN"));
        ReferenceExperiment experiment = new ReferenceExperiment(budget, epochsMax, seed, trainers, rows);
        boolean terminal = System.console() != null;
        Report report = new Report();
        try {
            ObjectNode spec = experiment.searchStudy(strategy);
            report.add(StudyRun.run(client, spec, strategy, console, terminal));
        } catch (ApiException e) {
            System.err.println("The optimizer refused the study: " + e.getMessage());
            e.errors().forEach(m -> System.err.println("  " + m));
            return 1;
        }
        console.print(report.text());
        Path dir = out.toAbsolutePath();
        report.write(dir);
        console.println();
        console.println("report: " + dir.resolve("report.json") + " and " + dir.resolve("report.md"));
        console.println("the local stack is still up: ./hpo local status, ./hpo local down");
        return 0;
    }

    private String ensureStack(PrintStream console) {
        LocalStack stack = LocalStack.forHome(RepoHome.locate()).withProgress(console::println);
        Optional<StackState> state = stack.status();
        if (state.isPresent() && state.get().anyRunning()) {
            console.println("using the running local stack: API " + state.get().api());
            return state.get().api();
        }
        console.println("starting the local stack: Kafka, the optimizer and " + trainers + " trainer(s)");
        String api = stack.up(trainers).apiUrl();
        console.println("optimizer API " + api + "/api/studies, logs in " + stack.stateDir().resolve("logs"));
        return api;
    }
}
