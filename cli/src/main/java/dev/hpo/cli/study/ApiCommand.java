package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.ApiException;
import dev.hpo.cli.api.StudyClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code ./hpo study} subcommand that talks to the API: an {@link ApiException} is printed with the
 * server's field errors and ends the command with exit code {@value #API_ERROR}.
 */
abstract class ApiCommand implements Callable<Integer> {

    /** Exit code when the API refused the request or could not be reached. */
    static final int API_ERROR = 1;

    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(api.client());
        } catch (ApiException e) {
            PrintWriter err = err();
            err.println("error: " + e.getMessage() + (e.status() > 0 ? " (HTTP " + e.status() + ")" : ""));
            e.errors().forEach(m -> err.println("  - " + m));
            err.flush();
            return API_ERROR;
        }
    }

    /** Does the work; returns the exit code. */
    abstract int run(StudyClient client) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The dashboard page of a study. */
    String dashboard(JsonNode study) {
        String base = api.baseUrl();
        return (base.endsWith("/") ? base : base + "/") + "#/study/" + study.path("id").asText();
    }
}
