package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.demo.Table;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ./hpo study list}: one line per study, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the studies, newest first.")
final class StudyListCommand extends ApiCommand {

    @Override
    int run(StudyClient client) {
        JsonNode studies = client.list();
        if (studies.isEmpty()) {
            out().println("no studies");
            out().flush();
            return 0;
        }
        Table table = new Table(List.of("ID", "NAME", "STRATEGY", "STATUS", "TRIALS", "BEST", "OBJECTIVE", "CREATED"));
        for (JsonNode s : studies) {
            table.add(List.of(s.path("id").asText(), s.path("name").asText(), s.path("strategy").asText(),
                    s.path("status").asText(), StudyText.progress(s), StudyText.number(s.path("best").path("objective")),
                    s.path("direction").asText() + " " + s.path("objective").asText(), s.path("createdAt").asText()));
        }
        out().print(table.text());
        out().flush();
        return 0;
    }
}
