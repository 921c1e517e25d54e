package dev.hpo.trainer.worker;

import dev.hpo.common.json.Json;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.trainer.model.TrainedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where final models go: {@code <dir>/<studyId>/<trialId>/} holds {@code model.zip} (DL4J's model with its
 * input standardisation) and {@code params.json} (the hyperparameters and the trainer section). In Kubernetes
 * the directory is a mounted volume.
 */
public final class Artifacts {

    private final Path dir;

    public Artifacts(Path dir) {
        this.dir = dir;
    }

    /** Saves the model of {@code trial} and returns the path of its {@code model.zip}. */
    public Path save(TrialMessage trial, TrainedModel model) {
        Path folder = dir.resolve(trial.studyId()).resolve(trial.trialId());
        try {
            Files.createDirectories(folder);
            Path zip = folder.resolve("model.zip");
            model.save(zip);
            var params = Json.mapper().createObjectNode();
            params.set("params", Json.mapper().valueToTree(trial.params()));
            params.set("trainer", trial.trainer());
            Files.writeString(folder.resolve("params.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(params));
            return zip.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the model of " + trial.trialId() + " in " + folder, e);
        }
    }
}
