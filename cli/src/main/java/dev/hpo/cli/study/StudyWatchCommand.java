package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.demo.ProgressBar;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ./hpo study watch ID}: a progress bar and a line for each new best trial, until the study ends
 * (finished or stopped); then the end reason and the final refit's test metrics.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a study with a progress bar and its best-so-far trial until it ends.")
final class StudyWatchCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The study's id.")
    String id;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "How often to ask the optimizer (default: ${DEFAULT-VALUE} s).")
    double interval;

    @Override
    int run(StudyClient client) throws InterruptedException {
        if (!(interval > 0)) {
            throw new ParameterException(spec.commandLine(), "--interval must be > 0");
        }
        boolean terminal = System.console() != null;
        PrintStream out = WriterStream.over(out());
        JsonNode study = client.study(id);
        ProgressBar bar = new ProgressBar(out, study.path("name").asText(), terminal);
        Instant created = Instant.parse(study.path("createdAt").asText());
        String bestTrial = null;
        while (true) {
            String trial = study.path("best").path("trialId").asText(null);
            if (trial != null && !trial.equals(bestTrial)) {
                bestTrial = trial;
                out.print(terminal ? "\r\033[K" : "");
                out.println("best so far: " + StudyText.best(study));
            }
            Instant end = study.path("endedAt").isTextual() ? Instant.parse(study.path("endedAt").asText()) : Instant.now();
            JsonNode best = study.path("best").path("objective");
            bar.update(StudyText.done(study), StudyText.total(study), study.path("counts").path("running").asInt(),
                    study.path("objective").asText(), best.isNumber() ? best.asDouble() : null,
                    Duration.between(created, end));
            if (!"RUNNING".equals(study.path("status").asText())) {
                break;
            }
            Thread.sleep(Math.round(interval * 1000));
            study = client.study(id);
        }
        bar.finish();
        out.println("study " + study.path("id").asText() + " " + study.path("status").asText()
                + (study.path("endReason").isTextual() ? ": " + study.path("endReason").asText() : ""));
        JsonNode refit = study.path("refit");
        if (refit.isObject() && !StudyText.metrics(refit, "test_").isEmpty()) {
            out.println("final refit: " + StudyText.metrics(refit, "test_"));
        }
        out.flush();
        return 0;
    }
}
