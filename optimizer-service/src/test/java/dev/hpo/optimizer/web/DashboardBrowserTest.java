package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hpo.common.message.TrialMessage;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Debian's Chromium, against this optimizer and a real broker: a finished Bayesian study
 * (with its final refit) and a running grid study whose trials a {@link PlayedWorker} reports. Screenshots go
 * to {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private static final String FINISHED_SPEC = """
            name: fraud-recall-bayes
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: bayesian, acquisition: ei, initialPoints: 4, seed: 42}
            budget: {maxTrials: 10, parallelism: 4}
            workerPool: web-finished
            searchSpace:
              neurons1:      {type: int, min: 20, max: 60, step: 10}
              dropout_rate1: {type: float, min: 0.0, max: 0.5, step: 0.1}
              optimizer:     {type: choice, values: [adam, lion, rmsprop]}
              beta_1_lion:   {type: float, min: 0.85, max: 0.99, when: {optimizer: lion}}
              learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
              batch_size:    {type: choice, values: [16, 32, 64]}
            trainer: {dataset: {type: synthetic-fraud, rows: 10000}, model: fraud-mlp}
            """;

    /** A grid of 3 x 3 x 2 = 18 configurations, of which the budget takes 12. */
    private static final String RUNNING_SPEC = """
            name: fraud-recall-grid
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: grid}
            budget: {maxTrials: 12, parallelism: 3}
            workerPool: web-running
            searchSpace:
              neurons1:      {type: int, min: 20, max: 60, step: 20}
              dropout_rate1: {type: float, min: 0.0, max: 0.4, step: 0.2}
              optimizer:     {type: choice, values: [adam, lion]}
            trainer: {dataset: {type: synthetic-fraud, rows: 10000}, model: fraud-mlp}
            """;

    /** A grid of 3 x 2 = 6 configurations under a precision floor that the high-recall ones miss. */
    private static final String CONSTRAINED_SPEC = """
            name: fraud-recall-constrained
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: grid}
            budget: {maxTrials: 6, parallelism: 6}
            workerPool: web-constrained
            finalRefit: false
            constraints: [{metric: val_precision, min: 0.5}]
            searchSpace:
              neurons1:      {type: int, min: 20, max: 60, step: 20}
              dropout_rate1: {type: float, min: 0.0, max: 0.4, step: 0.4}
            trainer: {dataset: {type: synthetic-fraud, rows: 10000}, model: fraud-mlp}
            """;

    private static final String BAD_SPEC = """
            name: broken
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random}
            budget: {maxTrials: 0}
            searchSpace:
              neurons1: {type: int, min: 70, max: 60}
            trainer: {dataset: {type: synthetic-fraud}}
            """;

    private static ChromeDriver browser;
    private static Studies studies;

    @TestHTTPResource("/")
    URL dashboard;

    /** The studies and what the played worker did to them. */
    private record Studies(String finished, String running, TrialMessage runningTrial, PlayedWorker runningWorker,
                           String constrained) {
    }

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        browser = CHROMIUM.driver();
    }

    @BeforeEach
    void playStudiesOnce() {
        if (studies == null) {
            studies = new Studies(playFinished(), null, null, null, null);
            studies = playRunning(studies.finished());
            studies = new Studies(studies.finished(), studies.running(), studies.runningTrial(),
                    studies.runningWorker(), playConstrained());
        }
    }

    @Test
    @Order(1)
    void studiesListShowsEachStudysStrategyStatusProgressAndBest() {
        open("#/");
        String finished = row("#studies tr[data-study='" + studies.finished() + "']");
        String running = row("#studies tr[data-study='" + studies.running() + "']");

        assertThat(text(finished, "name")).startsWith("fraud-recall-bayes");
        assertThat(text(finished, "strategy")).isEqualTo("bayesian");
        assertThat(text(finished, "status")).isEqualTo("FINISHED");
        assertThat(text(finished, "progress")).isEqualTo("10/10");
        assertThat(text(finished, "best")).isEqualTo(fixed(bestObjective(studies.finished())));
        assertThat(text(running, "strategy")).isEqualTo("grid");
        assertThat(text(running, "status")).isEqualTo("RUNNING");
        assertThat(text(running, "progress")).isEqualTo("5/12");
        assertThat(text(running, "best")).isEqualTo(fixed(bestObjective(studies.running())));
        screenshot("studies");
    }

    @Test
    @Order(2)
    void runningStudyPageShowsTrialsAndEveryChart() {
        open("#/study/" + studies.running());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(8));

        assertThat(trialStatuses()).containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
                "RUNNING", "QUEUED", "QUEUED");
        WebElement first = trialRow(0);
        Map<String, Object> firstParams = trialParams(studies.running(), 0);
        assertThat(cell(first, "param.neurons1").getText()).isEqualTo(String.valueOf(firstParams.get("neurons1")));
        assertThat(cell(first, "param.optimizer").getText()).isEqualTo(firstParams.get("optimizer"));
        assertThat(cell(first, "metric.val_recall").getText()).isEqualTo(fixed(metric(studies.running(), 0, "val_recall")));
        assertThat(cell(first, "metric.val_precision").getText())
                .isEqualTo(fixed(metric(studies.running(), 0, "val_precision")));
        assertThat(cell(first, "worker").getText()).isEqualTo("trainer-1");
        assertThat(cell(first, "device").getText()).isEqualTo("cpu");
        assertThat(cell(first, "duration").getText()).isEqualTo("4.0 s");
        assertThat(cell(trialRow(5), "worker").getText()).isEqualTo("trainer-2");

        assertThat(seriesLengths("chart-convergence")).as("best so far, then each objective").containsExactly(5, 5);
        assertThat(seriesLengths("chart-pareto").get(0)).as("recall/precision points").isEqualTo(5);
        assertThat(seriesLengths("chart-pareto").get(1)).as("Pareto front").isBetween(1, 5);
        assertThat(seriesLengths("chart-parallel")).as("one line per scored trial").containsExactly(5);
        assertThat(seriesLengths("chart-curves")).as("the running trial's 5 epochs").containsExactly(5);
        screenshot("study-running");
    }

    @Test
    @Order(3)
    void trialsTableSortsAndFilters() {
        open("#/study/" + studies.running());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(8));

        browser.findElement(By.cssSelector("#status-filter option[value='COMPLETED']")).click();
        assertThat(trialStatuses()).hasSize(5).containsOnly("COMPLETED");
        browser.findElement(By.id("trial-filter")).sendKeys("optimizer:lion");
        long lion = given().get("/api/studies/" + studies.running() + "/trials").then().extract()
                .<List<Map<String, Object>>>path("findAll { it.status == 'COMPLETED' && it.params.optimizer == 'lion' }")
                .size();
        assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize((int) lion);
        assertThat(browser.findElement(By.id("trial-count")).getText()).isEqualTo(lion + " of 8 trials");

        open("#/study/" + studies.running());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(8));
        header("metric.val_recall").click();
        header("metric.val_recall").click();
        int best = given().get("/api/studies/" + studies.running()).then().extract().path("best.number");
        assertThat(browser.findElement(By.cssSelector("#trials tbody tr")).getAttribute("data-trial"))
                .as("descending by recall: the best trial first").isEqualTo(String.valueOf(best));
    }

    @Test
    @Order(4)
    void liveUpdateMovesTheRunningTrialToCompleted() {
        open("#/study/" + studies.running());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(trialRow(5).getAttribute("data-status")).isEqualTo("RUNNING"));
        await().atMost(PAGE_WAIT).until(() -> "live".equals(browser.findElement(By.id("live")).getAttribute("data-state")));

        studies.runningWorker().complete(studies.runningTrial(), "trainer-2");

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(trialRow(5).getAttribute("data-status")).isEqualTo("COMPLETED");
            assertThat(browser.findElement(By.cssSelector("#stat-progress .value")).getText()).isEqualTo("6/12");
            assertThat(seriesLengths("chart-convergence").get(0)).isEqualTo(6);
        });
        screenshot("study-live-update");
    }

    @Test
    @Order(5)
    void finishedStudyPageShowsTheFinalRefitsTestMetrics() {
        open("#/study/" + studies.finished());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(10));

        assertThat(browser.findElement(By.cssSelector("#refit-table td[data-col='test_recall']")).getText())
                .isEqualTo(fixed(given().get("/api/studies/" + studies.finished()).then().extract()
                        .<Float>path("refit.metrics.test_recall").doubleValue()));
        assertThat(trialRow(3).getAttribute("data-status")).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("stop-study")).isDisplayed()).as("no stop for an ended study").isFalse();
        assertThat(seriesLengths("chart-convergence")).as("9 completed, 1 failed").containsExactly(9, 9);
        assertThat(seriesLengths("chart-pareto").get(0)).isEqualTo(9);
        assertThat(seriesLengths("chart-parallel")).containsExactly(9);
        assertThat(seriesLengths("chart-curves")).as("no trial running").isEmpty();
        screenshot("study-finished");
    }

    @Test
    @Order(6)
    void compareViewPlotsTheTickedStudiesConvergenceOnOneChart() {
        open("#/");
        pick(studies.finished());
        pick(studies.running());
        browser.findElement(By.id("compare-selected")).click();

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(seriesLengths("chart-compare")).containsExactly(9, 6));
        assertThat(browser.findElements(By.cssSelector("#compare-table tbody tr"))).hasSize(2);
        screenshot("compare");
    }

    @Test
    @Order(7)
    void createFormShowsEachFieldErrorOfARefusedSpec() {
        open("#/new");
        WebElement input = await().atMost(PAGE_WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.id("spec-input")), e -> e != null);
        input.sendKeys(BAD_SPEC);
        browser.findElement(By.id("create-submit")).click();

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.cssSelector(".field-error[data-field='searchSpace.neurons1.min']")).getText())
                    .isEqualTo("searchSpace.neurons1.min (70) must be <= max (60)");
            assertThat(browser.findElement(By.cssSelector(".field-error[data-field='budget.maxTrials']")).getText())
                    .contains("budget.maxTrials (0) must be in [1, 100000]");
            assertThat(browser.findElement(By.id("create-message")).getText()).endsWith("(HTTP 400)");
        });
        screenshot("create-errors");
    }

    @Test
    @Order(8)
    void stopButtonStopsTheRunningStudy() {
        open("#/study/" + studies.running());
        WebElement stop = await().atMost(PAGE_WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.id("stop-study")), WebElement::isDisplayed);
        stop.click();
        browser.switchTo().alert().accept();

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#study-name .badge")).getText()).isEqualTo("STOPPED"));
        given().get("/api/studies/" + studies.running()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("STOPPED"));
    }

    @Test
    @Order(9)
    void aMultiObjectiveStudyPageShowsItsHypervolumeSoFarAndParetoFront() {
        PlayedWorker worker = new PlayedWorker("web-pareto");
        String id = PlayedWorker.create("""
                name: recall-and-precision
                objectives:
                  - {metric: val_recall, direction: maximize}
                  - {metric: val_precision, direction: maximize}
                strategy: {type: random, seed: 11}
                budget: {maxTrials: 6, parallelism: 6}
                finalRefit: false
                workerPool: web-pareto
                searchSpace:
                  neurons1:      {type: int, min: 20, max: 60, step: 10}
                  dropout_rate1: {type: float, min: 0.0, max: 0.5, step: 0.1}
                trainer: {dataset: {type: synthetic-fraud, rows: 10000}, model: fraud-mlp}
                """);
        worker.trials(id, 6).forEach(t -> worker.complete(t, "trainer-1"));
        await().atMost(PAGE_WAIT).until(() -> "FINISHED".equals(given().get("/api/studies/" + id).then().extract()
                .path("status")));
        int front = given().get("/api/studies/" + id).then().extract().<List<?>>path("paretoSet").size();
        double hypervolume = given().get("/api/studies/" + id).then().extract().jsonPath().getDouble("hypervolume");

        open("#/study/" + id);
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(6));
        assertThat(browser.findElement(By.cssSelector("#chart-convergence")).findElement(By.xpath(".."))
                .findElement(By.tagName("h2")).getText()).isEqualTo("Hypervolume so far");
        assertThat(seriesLengths("chart-convergence")).as("one hypervolume per completed trial").containsExactly(6);
        assertThat(seriesLengths("chart-pareto")).as("6 trials, the front of the API's Pareto set")
                .containsExactly(6, front);
        assertThat(browser.findElement(By.cssSelector("#stat-hypervolume .value")).getText())
                .isEqualTo(fixed(hypervolume));
        assertThat(browser.findElement(By.cssSelector("#stat-hypervolume .detail")).getText())
                .startsWith("Pareto set of " + front);
        List<Integer> paretoNumbers = given().get("/api/studies/" + id).then().extract().path("paretoSet.number");
        assertThat(browser.findElements(By.cssSelector("#trials tbody tr")).stream()
                .filter(row -> !row.findElements(By.cssSelector("td[data-col='pareto'] .badge.pareto")).isEmpty())
                .map(row -> Integer.valueOf(row.getAttribute("data-trial"))).toList())
                .as("the rows marked Pareto are the API's Pareto set").containsExactlyInAnyOrderElementsOf(paretoNumbers);
        screenshot("study-pareto");
    }

    /** Plays the Bayesian study to its end: 9 completed trials, trial 3 failed, then the final refit. */
    private static String playFinished() {
        PlayedWorker worker = new PlayedWorker("web-finished");
        String id = PlayedWorker.create(FINISHED_SPEC);
        int played = 0;
        while (played < 10) {
            List<TrialMessage> issued = worker.trials(id, Math.min(10, played + 4));
            for (TrialMessage t : issued.subList(played, issued.size())) {
                if (t.number() == 3) {
                    worker.fail(t, "trainer-2", "java.lang.OutOfMemoryError: Java heap space");
                } else {
                    worker.complete(t, t.number() % 2 == 0 ? "trainer-1" : "trainer-2");
                }
            }
            played = issued.size();
        }
        double bestRecall = bestObjectiveEventually(id);
        worker.completeRefit(worker.refit(id), Map.of("test_recall", bestRecall - 0.0213,
                "test_precision", 0.4102, "test_accuracy", 0.8814, "test_auc", 0.9307, "test_f1", 0.5551));
        await().atMost(PlayedWorker.WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("FINISHED")));
        return id;
    }

    /** Plays the grid study half-way: trials 0-4 completed, 5 running with 5 epochs, 6 and 7 queued. */
    private static Studies playRunning(String finished) {
        PlayedWorker worker = new PlayedWorker("web-running");
        String id = PlayedWorker.create(RUNNING_SPEC);
        worker.trials(id, 3).forEach(t -> worker.complete(t, "trainer-1"));
        List<TrialMessage> six = worker.trials(id, 6);
        worker.complete(six.get(3), "trainer-1");
        worker.complete(six.get(4), "trainer-2");
        TrialMessage running = six.get(5);
        worker.running(running, "trainer-2");
        worker.epochs(running, "trainer-2", 5);
        worker.trials(id, 8);
        await().atMost(PlayedWorker.WAIT).untilAsserted(() -> {
            given().get("/api/studies/" + id).then().body("counts.completed", org.hamcrest.Matchers.equalTo(5))
                    .body("counts.total", org.hamcrest.Matchers.equalTo(8));
            given().get("/api/studies/" + id + "/trials").then()
                    .body("find { it.number == 5 }.curve.size()", org.hamcrest.Matchers.equalTo(5));
        });
        return new Studies(finished, id, running, worker, null);
    }

    /** Plays the constrained grid study to its end: all 6 trials completed, no final refit. */
    private static String playConstrained() {
        PlayedWorker worker = new PlayedWorker("web-constrained");
        String id = PlayedWorker.create(CONSTRAINED_SPEC);
        worker.trials(id, 6).forEach(t -> worker.complete(t, "trainer-1"));
        await().atMost(PlayedWorker.WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("FINISHED")));
        return id;
    }

    private static double bestObjectiveEventually(String id) {
        await().atMost(PlayedWorker.WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then()
                .body("counts.completed", org.hamcrest.Matchers.equalTo(9)));
        return bestObjective(id);
    }

    private static double bestObjective(String id) {
        return given().get("/api/studies/" + id).then().extract().<Float>path("best.objective").doubleValue();
    }

    private static double metric(String id, int number, String name) {
        return given().get("/api/studies/" + id + "/trials").then().extract()
                .<Float>path("find { it.number == " + number + " }.metrics." + name).doubleValue();
    }

    private static Map<String, Object> trialParams(String id, int number) {
        return given().get("/api/studies/" + id + "/trials").then().extract()
                .path("find { it.number == " + number + " }.params");
    }

    /** As the dashboard shows a metric: 4 decimals. */
    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Test
    @Order(9)
    void infeasibleTrialsAreMarkedInTheTableTheBestSoFarChartAndTheRecallPrecisionChart() {
        open("#/study/" + studies.constrained());
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(6));
        List<Boolean> feasible = given().get("/api/studies/" + studies.constrained() + "/trials").then().extract()
                .path("feasible");
        assertThat(feasible).as("the precision floor splits the trials").contains(true, false);
        int best = given().get("/api/studies/" + studies.constrained()).then().extract().path("best.number");
        assertThat(feasible.get(best)).isTrue();

        for (int i = 0; i < feasible.size(); i++) {
            WebElement row = trialRow(i);
            assertThat(cell(row, "feasible").getText()).as("trial " + i)
                    .isEqualTo(feasible.get(i) ? "feasible" : "infeasible");
            assertThat(row.getAttribute("class")).as("trial " + i)
                    .isEqualTo(i == best ? "best" : feasible.get(i) ? "" : "infeasible");
        }
        long infeasible = feasible.stream().filter(f -> !f).count();
        assertThat(seriesLengths("chart-convergence")).as("best so far from the first feasible trial, feasible, "
                + "infeasible").containsExactly(6 - feasible.indexOf(true), (int) (6 - infeasible), (int) infeasible);
        assertThat(browser.findElement(By.id("stat-feasible")).getText()).contains((6 - infeasible) + "/6");
        assertThat(seriesLengths("chart-pareto")).as("feasible trials, their front, infeasible trials").hasSize(3)
                .startsWith((int) (6 - infeasible)).endsWith((int) infeasible);
        assertThat(seriesTrials("chart-pareto", 2)).as("the crosses are the infeasible trials")
                .containsExactlyInAnyOrderElementsOf(numbers(feasible, false));
        screenshot("study-constrained");
    }

    @Test
    @Order(10)
    void aMultiObjectiveStudySaysWhichMemberOfItsFeasibleParetoSetItRefitAndWhy() {
        PlayedWorker worker = new PlayedWorker("web-pareto-refit");
        String id = PlayedWorker.create(CONSTRAINED_SPEC.replace("fraud-recall-constrained", "recall-precision-refit")
                .replace("objective: {metric: val_recall, direction: maximize}", "objectives: [{metric: val_recall,"
                        + " direction: maximize}, {metric: val_precision, direction: maximize}]")
                .replace("web-constrained", "web-pareto-refit").replace("finalRefit: false\n", ""));
        worker.trials(id, 6).forEach(t -> worker.complete(t, "trainer-1"));
        worker.completeRefit(worker.refit(id), Map.of("test_recall", 0.61, "test_precision", 0.55));
        await().atMost(PAGE_WAIT).until(() -> "FINISHED".equals(given().get("/api/studies/" + id).then().extract()
                .path("status")));
        io.restassured.path.json.JsonPath study = given().get("/api/studies/" + id).then().extract().jsonPath();
        int best = study.getInt("bestChoice.number");
        assertThat(study.getInt("best.number")).isEqualTo(best);
        assertThat(study.<Integer>getList("paretoSet.number")).contains(best);
        assertThat(study.getMap("refit.params")).as("the refit trains the chosen member")
                .isEqualTo(study.getMap("best.params"));
        List<Boolean> feasible = given().get("/api/studies/" + id + "/trials").then().extract().path("feasible");
        assertThat(feasible).as("the precision floor splits the trials").contains(true, false);

        open("#/study/" + id);
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#trials tbody tr"))).hasSize(6));
        WebElement choice = browser.findElement(By.id("refit-choice"));
        assertThat(choice.getText()).isEqualTo("Refit: " + study.getString("bestChoice.reason"));
        assertThat(choice.getText()).contains("trial " + best + ": nearest of the Pareto set's");
        assertThat(choice.getAttribute("data-trial")).isEqualTo(String.valueOf(best));
        assertThat(trialRow(best).getAttribute("class")).isEqualTo("best");
        assertThat(browser.findElement(By.cssSelector("#stat-hypervolume .detail")).getText())
                .endsWith("best: trial " + best);
        assertThat(seriesLengths("chart-pareto")).as("feasible trials, the API's Pareto set, infeasible trials")
                .containsExactly((int) feasible.stream().filter(f -> f).count(), study.getList("paretoSet").size(),
                        (int) feasible.stream().filter(f -> !f).count());
        assertThat(seriesTrials("chart-pareto", 2)).containsExactlyInAnyOrderElementsOf(numbers(feasible, false));
        screenshot("study-pareto-refit");
    }

    /** The numbers of the trials whose flag is {@code value}, trial i at index i. */
    private static List<Integer> numbers(List<Boolean> flags, boolean value) {
        return java.util.stream.IntStream.range(0, flags.size()).filter(i -> flags.get(i) == value).boxed().toList();
    }

    private void open(String hash) {
        browser.get(dashboard.toString() + hash);
        browser.navigate().refresh();
    }

    /** Waits until the row is on the page; its selector, for {@link #text}. */
    private static String row(String css) {
        await().atMost(PAGE_WAIT).ignoreExceptions().until(() -> browser.findElement(By.cssSelector(css)),
                e -> e != null);
        return css;
    }

    private static WebElement cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']"));
    }

    /**
     * The text of a cell of the row, found anew at each try: the page re-renders the list when a study changes,
     * which makes elements found before stale.
     */
    private static String text(String row, String column) {
        return await().atMost(PAGE_WAIT).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector(row + " td[data-col='" + column + "']")).getText(), t -> t != null);
    }

    /**
     * Ticks a study in the list. The list re-renders on live events (ticks survive), which can replace a row
     * between finding and clicking it, so this retries until the box is ticked.
     */
    private static void pick(String studyId) {
        String css = "#studies tr[data-study='" + studyId + "'] input.pick";
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement box = browser.findElement(By.cssSelector(css));
            if (!box.isSelected()) {
                box.click();
            }
            assertThat(browser.findElement(By.cssSelector(css)).isSelected()).isTrue();
        });
    }

    private static WebElement trialRow(int number) {
        return browser.findElement(By.cssSelector("#trials tbody tr[data-trial='" + number + "']"));
    }

    private static WebElement header(String column) {
        return browser.findElement(By.cssSelector("#trials th[data-col='" + column + "']"));
    }

    private static List<String> trialStatuses() {
        return browser.findElements(By.cssSelector("#trials tbody tr")).stream().map(r -> r.getAttribute("data-status"))
                .toList();
    }

    /** The number of data points of each series, read from the ECharts model of the chart in element {@code id}. */
    @SuppressWarnings("unchecked")
    private static List<Integer> seriesLengths(String id) {
        List<Long> lengths = (List<Long>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                return chart ? chart.getOption().series.map(s => s.data.length) : null;""", id);
        assertThat(lengths).as("an ECharts instance on #" + id).isNotNull();
        return lengths.stream().map(Long::intValue).toList();
    }

    /** The trial numbers (each point's third value) of series {@code index} of the chart in element {@code id}. */
    @SuppressWarnings("unchecked")
    private static List<Integer> seriesTrials(String id, int index) {
        List<Long> numbers = (List<Long>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                return chart.getOption().series[arguments[1]].data.map(p => p[2]);""", id, index);
        return numbers.stream().map(Long::intValue).toList();
    }

    private static void screenshot(String name) {
        try {
            // Let the charts' entry animation end before the picture.
            Thread.sleep(1500);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
