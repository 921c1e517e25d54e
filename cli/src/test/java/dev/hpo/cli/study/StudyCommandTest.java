package dev.hpo.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hpo.cli.HpoCommand;
import dev.hpo.localkafka.FreePorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The study commands' exit codes and error output against a stand-in server; the full behaviour against a
 * real optimizer is in the optimizer's {@code StudyCliTest}.
 */
class StudyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void missingIdOrSpecIsAUsageErrorWithExitTwo() {
        assertThat(hpo("study", "show")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'ID'");
        assertThat(hpo("study", "create")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--file=SPEC'");
        assertThat(hpo("study", "watch", "x", "--interval", "0")).isEqualTo(2);
    }

    @Test
    void unreachableOptimizerIsAnApiErrorWithExitOne() {
        String url = "http://127.0.0.1:" + FreePorts.pick(1).get(0);

        assertThat(hpo("study", "list", "--url", url)).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: cannot reach the optimizer at " + url + "/");
    }

    @Test
    void refusedSpecPrintsEachFieldMessage() throws IOException {
        String url = serve(400, """
                {"message": "invalid study spec: 2 problem(s)", "errors": [
                  {"field": "budget.maxTrials", "value": 0, "message": "budget.maxTrials (0) must be in [1, 100000]"},
                  {"field": "objective", "value": null, "message": "objective is required"}]}""");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "name: x\n");

        assertThat(hpo("study", "create", "-f", spec.toString(), "--url", url)).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("error: invalid study spec: 2 problem(s) (HTTP 400)",
                "  - budget.maxTrials (0) must be in [1, 100000]", "  - objective is required");
        assertThat(requests).containsExactly("POST /api/studies application/yaml null");
    }

    @Test
    void tokenIsSentAsBearerAndJsonSpecsAsJson() throws IOException {
        String url = serve(201, """
                {"id": "s-1", "name": "s", "strategy": "grid", "direction": "maximize", "objective": "val_f1",
                 "maxTrials": 4}""");
        Path spec = Files.writeString(dir.resolve("spec.txt"), "  {\"name\": \"s\"}");

        assertThat(hpo("study", "create", "-f", spec.toString(), "--url", url, "--token", "s3cret")).isZero();
        assertThat(out.toString()).isEqualTo("created study s-1 (s): grid, maximize val_f1, 4 trials"
                + System.lineSeparator() + "dashboard: " + url + "/#/study/s-1" + System.lineSeparator());
        assertThat(requests).containsExactly("POST /api/studies application/json Bearer s3cret");
    }

    @Test
    void aRefusedTokenSaysHowToPassOne() throws IOException {
        String url = serve(401, """
                {"message": "missing bearer token", "errors": []}""");

        assertThat(hpo("study", "stop", "s-1", "--url", url)).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("error: missing bearer token; pass the optimizer's API "
                + "token with --token or $HPO_API_TOKEN (HTTP 401)");
        assertThat(requests).containsExactly("POST /api/studies/s-1/stop null null");
    }

    @Test
    void showSaysWhichMemberOfAParetoSetIsBestAndWhy() throws IOException {
        String url = serve(200, """
                {"id": "mo-1", "name": "mo", "status": "FINISHED", "strategy": "bayesian", "objective": "val_recall",
                 "direction": "maximize", "maxTrials": 3, "counts": {"completed": 3},
                 "best": {"number": 1, "objective": 0.8, "params": {"neurons1": 40}},
                 "bestChoice": {"number": 1, "rule": "ideal", "reason": "trial 1: nearest of the Pareto set's 2 trials"}}""");

        assertThat(hpo("study", "show", "mo-1", "--url", url)).isZero();
        assertThat(out.toString().lines()).contains("best       trial 1: val_recall 0.8000 {neurons1=40}",
                "           trial 1: nearest of the Pareto set's 2 trials");
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(StudyTrialsCommand.quote("plain")).isEqualTo("plain");
        assertThat(StudyTrialsCommand.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(StudyTrialsCommand.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(StudyTrialsCommand.quote("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    /** Answers every request with {@code status} and {@code body}, recording method, path, type and token. */
    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int hpo(String... args) {
        CommandLine cli = new CommandLine(new HpoCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
