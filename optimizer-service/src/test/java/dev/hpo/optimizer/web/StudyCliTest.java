package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.HpoCommand;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./hpo study ...} against this running optimizer: each subcommand's output and exit code. Here rather
 * than in the cli module because the cli does not depend on the optimizer, and one Quarkus app serves both.
 */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class StudyCliTest {

    private static final String SPEC = """
            name: cli-random
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: 5}
            budget: {maxTrials: 3, parallelism: 2}
            workerPool: %s
            searchSpace:
              neurons1: {type: int, min: 20, max: 60, step: 10}
              optimizer: {type: choice, values: [adam, lion]}
            trainer: {dataset: {type: synthetic-fraud, rows: 500}}
            """;

    @TestHTTPResource("/")
    URL api;

    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    private record Run(int code, String out, String err) {
    }

    @Test
    void createListShowWatchAndTrialsFollowAStudyToItsEnd() throws Exception {
        PlayedWorker worker = new PlayedWorker("cli-run");
        Run created = hpo("study", "create", "-f", write("spec.yaml", SPEC.formatted("cli-run")), "--url", url());
        assertThat(created.code()).as(created.err()).isZero();
        Matcher m = Pattern.compile("created study (\\S+) \\(cli-random\\): random, maximize val_recall, 3 trials")
                .matcher(created.out());
        assertThat(m.find()).as(created.out()).isTrue();
        String id = m.group(1);
        assertThat(created.out()).contains("dashboard: " + url() + "#/study/" + id);

        Run list = hpo("study", "list", "--url", url());
        assertThat(list.code()).isZero();
        assertThat(list.out()).startsWith("ID").contains("STRATEGY").containsPattern(
                Pattern.quote(id) + "\\s+cli-random\\s+random\\s+RUNNING\\s+0/3\\s+-\\s+maximize val_recall");

        Run shown = hpo("study", "show", id, "--url", url());
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("status     RUNNING", "strategy   random", "objective  maximize val_recall",
                "trials     0/3 done; 0 running, 2 queued, 0 completed, 0 failed, 0 pruned", "best       -");

        CompletableFuture<Run> watch = CompletableFuture.supplyAsync(
                () -> hpo("study", "watch", id, "--interval", "0.2", "--url", url()));
        List<TrialMessage> first = worker.trials(id, 2);
        first.forEach(t -> worker.complete(t, "trainer-1"));
        worker.complete(worker.trials(id, 3).get(2), "trainer-2");
        worker.completeRefit(worker.refit(id), java.util.Map.of("test_recall", 0.8125, "test_precision", 0.4));

        Run watched = watch.get(60, TimeUnit.SECONDS);
        assertThat(watched.code()).as(watched.err()).isZero();
        int best = given().get("/api/studies/" + id).then().extract().path("best.number");
        assertThat(watched.out()).contains("best so far: trial " + best + ": val_recall ",
                "cli-random", "3/3", "study " + id + " FINISHED: budget of 3 trials spent; final refit completed",
                "final refit: test_precision 0.4000, test_recall 0.8125");

        Run trials = hpo("study", "trials", id, "--url", url());
        assertThat(trials.code()).isZero();
        List<String> lines = trials.out().lines().toList();
        assertThat(lines.get(0)).containsPattern("^#\\s+STATUS\\s+val_recall\\s+neurons1\\s+optimizer\\s+EPOCHS\\s+DURATION\\s+WORKER");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains("COMPLETED").contains("trainer-"));

        Run csv = hpo("study", "trials", id, "--csv", "--url", url());
        assertThat(csv.code()).isZero();
        List<String> rows = csv.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("number,trialId,status,objective,neurons1,optimizer,train_loss,val_accuracy,"
                + "val_auc,val_f1,val_precision,val_recall,epochs,durationMs,worker,device,error");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("0," + id + ".t0,COMPLETED,").endsWith(",trainer-1,cpu,");

        Run finished = hpo("study", "show", id, "--url", url());
        assertThat(finished.out()).contains("status     FINISHED: budget of 3 trials spent; final refit completed",
                "trials     3/3 done", "best       trial " + best + ": val_recall",
                "refit      COMPLETED test_precision 0.4000, test_recall 0.8125, model /artifacts/" + id + "/model.zip");
    }

    @Test
    void stopEndsARunningStudy() throws IOException {
        Run created = hpo("study", "create", "-f", write("stop.yaml", SPEC.formatted("cli-stop")), "--url", url());
        String id = created.out().split(" ")[2];

        Run stopped = hpo("study", "stop", id, "--url", url());
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).startsWith("study " + id + " STOPPED after 0/3 trials; best -");
        given().get("/api/studies/" + id).then().body("status", org.hamcrest.Matchers.equalTo("STOPPED"));
    }

    @Test
    void refusedSpecPrintsEveryFieldErrorAndExitsWithOne() throws IOException {
        String bad = """
                {"name": "bad", "objective": {"metric": "val_recall", "direction": "maximize"},
                 "strategy": {"type": "magic"}, "budget": {"maxTrials": 0},
                 "searchSpace": {"neurons1": {"type": "int", "min": 70, "max": 60}}, "trainer": {}}""";
        Run run = hpo("study", "create", "-f", write("bad.json", bad), "--url", url());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: invalid study spec: ").contains("(HTTP 400)",
                "  - strategy.type (magic) must be one of bayesian, random, grid",
                "  - budget.maxTrials (0) must be in [1, 100000]",
                "  - searchSpace.neurons1.min (70) must be <= max (60)");
    }

    @Test
    void unknownStudyExitsWithOneForEveryCommand() {
        for (String command : List.of("show", "watch", "stop", "trials")) {
            Run run = hpo("study", command, "nope-12345678", "--url", url());
            assertThat(run.code()).as(command).isEqualTo(1);
            assertThat(run.err()).as(command).isEqualTo("error: unknown study nope-12345678 (HTTP 404)"
                    + System.lineSeparator());
        }
    }

    @Test
    void missingArgumentsAreUsageErrorsWithExitTwo() {
        assertThat(hpo("study", "show", "--url", url()).code()).isEqualTo(2);
        assertThat(hpo("study", "create", "--url", url()).code()).isEqualTo(2);
        Run missingFile = hpo("study", "create", "-f", dir.resolve("absent.yaml").toString(), "--url", url());
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("cannot read the spec");
    }

    private String url() {
        return api.toString();
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static Run hpo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HpoCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
