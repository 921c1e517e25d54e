package dev.hpo.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published JSON Schemas and the Java records describe the same messages. */
class SchemaConformanceTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void everyMessageTheCodecWritesConformsToItsSchema() throws Exception {
        assertThat(problems("hpo.trial.v1.json", TrialMessage.of("s", "s.t0", 0, 1, Map.of("n", 20L, "opt", "adam"),
                new Objective("val_recall", Direction.MAXIMIZE), Json.mapper().createObjectNode(), AT))).isEmpty();
        assertThat(problems("hpo.result.v1.json", ResultMessage.of("s", "s.t0", 1, TrialStatus.FAILED, Map.of(), 0, 5,
                "w", "cpu", "boom"))).isEmpty();
        assertThat(problems("hpo.progress.v1.json", ProgressMessage.running("s", "s.t0", 1, "w", AT))).isEmpty();
        assertThat(problems("hpo.progress.v1.json", ProgressMessage.epoch("s", "s.t0", 1, "w", 3,
                Map.of("val_loss", 0.3), AT))).isEmpty();
        assertThat(problems("hpo.control.v1.json", ControlMessage.stop("s", "s.t0", "pruned", AT))).isEmpty();
        assertThat(problems("hpo.study.v1.json", StudyEvent.created("s", Json.mapper().createObjectNode(), AT))).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatTheCodecRefuses() throws Exception {
        Set<ValidationMessage> failedWithoutReason = problems("hpo.result.v1.json",
                ResultMessage.of("s", "s.t0", 1, TrialStatus.FAILED, Map.of(), 0, 5, "w", "cpu", null));
        Set<ValidationMessage> badId = problems("hpo.result.v1.json",
                ResultMessage.of("s s", "s.t0", 1, TrialStatus.COMPLETED, Map.of(), 0, 5, "w", "cpu", null));

        assertThat(failedWithoutReason).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("error"));
        assertThat(badId).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("studyId"));
    }

    private static Set<ValidationMessage> problems(String schemaFile, Object message) throws Exception {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream("/schemas/" + schemaFile)) {
            assertThat(in).as(schemaFile).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            JsonNode tree = Json.mapper().readTree(MessageCodec.encode(message));
            return schema.validate(tree);
        }
    }
}
