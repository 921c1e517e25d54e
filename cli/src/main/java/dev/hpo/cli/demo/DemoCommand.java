package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.ApiException;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.StackState;
import dev.hpo.common.study.OutcomeConstraint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hpo demo}: brings the local stack up if needed, runs the reference experiment (a Bayesian study; with
 * {@code --constraint}, the same study under those outcome constraints; then the grid study, each followed by its final refit and test evaluation) with a progress bar per study,
 * prints the comparison and writes {@code report.json}, {@code report.md} and {@code report.html} with plots.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the reference experiment (fraud-mlp, maximise val_recall, or the Pareto set of"
                + " --objectives) on a local stack.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--budget", paramLabel = "N", defaultValue = "16", description = "Trials of the Bayesian (or random) study (default: ${DEFAULT-VALUE}).")
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
            description = "The search to compare with the grid: bayesian or random (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--grid", paramLabel = "SIZE",
            description = "The grid study: reduced (32 points, the default for one objective), full (the reference's"
                    + " 1,458) or none (the default with --objectives).")
    String grid;

    @Option(names = "--grid-budget", paramLabel = "N",
            description = "Stop the grid after N trials (default: the whole grid).")
    Integer gridBudget;

    @Option(names = "--early-stopping", paramLabel = "RULE",
            description = "Stop poor trials of the Bayesian (or random) study early: median or asha, with the rule's"
                    + " defaults (default: none; the grid study always runs every trial to its end).")
    String earlyStopping;

    @Option(names = "--rows", paramLabel = "R", defaultValue = "10000",
            description = "Rows of the synthetic fraud data set (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dataset", paramLabel = "csv:PATH",
            description = "A CSV file (header row, numeric features, a binary label column) instead of the synthetic data.")
    String dataset;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "The label column of --dataset (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--objective", paramLabel = "METRIC", defaultValue = "val_recall",
            description = "The validation metric to maximise (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--initial-points", paramLabel = "M",
            description = "Initial design of the Bayesian studies (default: a third of --budget, at least 5; the "
                    + "optimizer's own default, 3 per encoded dimension, is 45 on the reference space, which would "
                    + "leave no trial of the default budget to the surrogate).")
    Integer initialPoints;

    @Option(names = "--constraint", paramLabel = "METRIC>=X",
            description = "Also run the search under this outcome constraint (METRIC>=X or METRIC<=X, e.g. "
                    + "val_precision>=0.75; repeatable) and compare it with the unconstrained search.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--objectives", paramLabel = "M1,M2[,M3[,M4]]", split = ",", hideParamSyntax = true,
            description = "Search the Pareto set of 2 to 4 validation metrics, all maximised with hypervolume reference"
                    + " 0 (e.g. val_recall,val_precision), instead of --objective.")
    List<String> objectives;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Where report.json and report.md go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        boolean multiObjective = objectives != null && !objectives.isEmpty();
        if (grid == null) {
            grid = multiObjective ? "none" : "reduced";
        }
        if (multiObjective && (objectives.size() < 2 || objectives.size() > 4)) {
            System.err.println("--objectives (" + String.join(",", objectives) + ") must name 2 to 4 metrics");
            return 2;
        }
        if (budget < 1 || epochsMax < 1 || trainers < 1 || rows < 100 || !List.of("reduced", "full", "none").contains(grid)
                || (gridBudget != null && gridBudget < 1) || (initialPoints != null && initialPoints < 1)) {
            System.err.println("--budget, --epochs-max, --trainers, --grid-budget and --initial-points must be >= 1,"
                    + " --rows >= 100,"
                    + " --grid reduced|full|none");
            return 2;
        }
        if (earlyStopping != null && !List.of("median", "asha").contains(earlyStopping)) {
            System.err.println("--early-stopping (" + earlyStopping + ") must be median or asha");
            return 2;
        }
        List<OutcomeConstraint> parsed = new ArrayList<>();
        try {
            constraints.forEach(c -> parsed.add(ConstraintOption.parse(c)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ObjectNode data = dataSection();
        if (data == null) {
            return 2;
        }
        String api = ensureStack(console);
        StudyClient client = new StudyClient(api, System.getenv("HPO_API_TOKEN"));
        List<String> goals = multiObjective ? objectives : List.of(objective);
        ReferenceExperiment experiment = new ReferenceExperiment(budget, epochsMax, seed, trainers, data, goals);
        boolean terminal = System.console() != null;
        Report report = new Report(data, goals);
        try {
            report.add(strategy, StudyRun.run(client, searchOptions(experiment.searchStudy(strategy)), strategy,
                    console, terminal));
            if (!parsed.isEmpty()) {
                String label = strategy + "-constrained";
                report.add(label, StudyRun.run(client,
                        searchOptions(experiment.constrainedStudy(strategy, parsed)), label, console, terminal));
            }
            if (!"none".equals(grid)) {
                ObjectNode gridSpec = experiment.gridStudy("full".equals(grid));
                if (gridBudget != null) {
                    ObjectNode b = (ObjectNode) gridSpec.path("budget");
                    b.put("maxTrials", Math.min(gridBudget, b.path("maxTrials").asInt()));
                }
                report.add("grid", StudyRun.run(client, gridSpec, "grid", console, terminal));
            }
        } catch (ApiException e) {
            System.err.println("The optimizer refused the study: " + e.getMessage());
            e.errors().forEach(m -> System.err.println("  " + m));
            return 1;
        }
        report.compare();
        console.print(report.text());
        Path dir = out.toAbsolutePath();
        report.write(dir);
        console.println();
        console.println("report: " + dir.resolve("report.html") + " (and report.json, report.md)");
        console.println("the local stack is still up: ./hpo local status, ./hpo local down");
        return 0;
    }

    /**
     * The search study with its initial design ({@code --initial-points}, or a third of the budget) and
     * {@code --early-stopping}.
     */
    private ObjectNode searchOptions(ObjectNode spec) {
        ObjectNode strategySection = (ObjectNode) spec.path("strategy");
        if ("bayesian".equals(strategySection.path("type").asText())) {
            strategySection.put("initialPoints", initialPoints != null ? initialPoints : defaultInitialPoints(budget));
        }
        if (earlyStopping != null) {
            spec.putObject("earlyStopping").put("type", earlyStopping);
        }
        return spec;
    }

    /** A third of the budget, at least 5 (and at most the budget): the rest is left to the surrogate. */
    static int defaultInitialPoints(int budget) {
        return Math.min(budget, Math.max(5, budget / 3));
    }

    /** The trainer's dataset section: the synthetic data, or {@code --dataset csv:PATH} with {@code --label}. */
    private ObjectNode dataSection() {
        if (dataset == null) {
            return ReferenceExperiment.synthetic(rows);
        }
        if (!dataset.startsWith("csv:")) {
            System.err.println("--dataset (" + dataset + ") must be csv:PATH");
            return null;
        }
        Path file = Path.of(dataset.substring(4)).toAbsolutePath();
        if (!java.nio.file.Files.isReadable(file)) {
            System.err.println("--dataset: cannot read " + file);
            return null;
        }
        return ReferenceExperiment.csv(file.toString(), label);
    }

    private String ensureStack(PrintStream console) {
        LocalStack stack = LocalStack.forHome(RepoHome.locate()).withProgress(console::println);
        Optional<StackState> state = stack.status();
        if (state.isPresent() && state.get().anyRunning()) {
            // Whatever of it died since is started again first (ensure reports what it starts).
            String api = stack.ensure(null, null).apiUrl();
            console.println("using the running local stack: API " + api + ", dashboard " + api + "/");
            return api;
        }
        console.println("starting the local stack: Kafka, the optimizer and " + trainers + " trainer(s)");
        String api = stack.up(trainers).apiUrl();
        console.println("optimizer API " + api + "/api/studies, dashboard " + api + "/, logs in "
                + stack.stateDir().resolve("logs"));
        return api;
    }
}
