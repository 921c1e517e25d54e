package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./hpo study stop ID}: the optimizer issues no new trials of the study. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a study: no new trials are issued.")
final class StudyStopCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The study's id.")
    String id;

    @Override
    int run(StudyClient client) {
        JsonNode s = client.stop(id);
        out().printf("study %s %s after %s trials; best %s%n", s.path("id").asText(), s.path("status").asText(),
                StudyText.progress(s), StudyText.best(s));
        out().flush();
        return 0;
    }
}
