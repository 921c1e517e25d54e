package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./hpo study show ID}: status, trial counts, the best trial and the final refit. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a study: status, trial counts, best trial and final refit.")
final class StudyShowCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The study's id.")
    String id;

    @Override
    int run(StudyClient client) {
        JsonNode s = client.study(id);
        JsonNode c = s.path("counts");
        PrintWriter out = out();
        out.printf("study      %s (%s)%n", s.path("id").asText(), s.path("name").asText());
        out.printf("status     %s%s%n", s.path("status").asText(),
                s.path("endReason").isTextual() ? ": " + s.path("endReason").asText() : "");
        out.printf("strategy   %s%n", s.path("strategy").asText());
        out.printf("objective  %s %s%n", s.path("direction").asText(), s.path("objective").asText());
        out.printf("trials     %s done; %d running, %d queued, %d completed, %d failed, %d pruned%n",
                StudyText.progress(s), c.path("running").asInt(), c.path("queued").asInt(),
                c.path("completed").asInt(), c.path("failed").asInt(), c.path("pruned").asInt());
        out.printf("best       %s%n", StudyText.best(s));
        if (s.path("bestChoice").hasNonNull("reason")) {
            out.printf("           %s%n", s.path("bestChoice").path("reason").asText());
        }
        JsonNode refit = s.path("refit");
        if (refit.isObject()) {
            out.printf("refit      %s %s%s%n", refit.path("status").asText(), StudyText.metrics(refit, "test_"),
                    refit.path("artifact").isTextual() ? ", model " + refit.path("artifact").asText() : "");
        }
        out.printf("created    %s%n", s.path("createdAt").asText());
        if (s.path("endedAt").isTextual()) {
            out.printf("ended      %s%n", s.path("endedAt").asText());
        }
        out.printf("dashboard  %s%n", dashboard(s));
        out.flush();
        return 0;
    }
}
