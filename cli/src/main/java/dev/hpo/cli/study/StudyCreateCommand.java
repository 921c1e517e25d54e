package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ./hpo study create -f SPEC}: posts a YAML or JSON spec and prints the new study's id. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a study from a YAML or JSON spec; prints its id and dashboard URL.")
final class StudyCreateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", required = true,
            description = "The spec file (YAML or JSON), or - for standard input.")
    String file;

    @Override
    int run(StudyClient client) {
        String text = read();
        JsonNode study = client.create(text, !isJson(file, text));
        out().printf("created study %s (%s): %s, %s %s, %d trials%n", study.path("id").asText(),
                study.path("name").asText(), study.path("strategy").asText(), study.path("direction").asText(),
                study.path("objective").asText(), study.path("maxTrials").asInt());
        out().println("dashboard: " + dashboard(study));
        out().flush();
        return 0;
    }

    private String read() {
        try {
            return "-".equals(file) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the spec " + file + ": " + e);
        }
    }

    /** JSON by its extension, or by its first character when the extension says nothing. */
    static boolean isJson(String file, String text) {
        String name = file.toLowerCase();
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        return text.stripLeading().startsWith("{");
    }
}
