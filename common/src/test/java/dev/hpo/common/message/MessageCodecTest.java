package dev.hpo.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.common.json.Json;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void trialRoundTripsWithItsParameterTypes() {
        TrialMessage t = TrialMessage.of("s-1", "s-1.t0", 0, 1,
                Map.of("neurons1", 40L, "learning_rate", 0.001, "optimizer", "adam", "bn", true),
                new Objective("val_recall", Direction.MAXIMIZE), Json.mapper().createObjectNode().put("model", "fraud-mlp"),
                AT);

        TrialMessage back = MessageCodec.decodeTrial(MessageCodec.encode(t));

        assertThat(back.params()).containsEntry("optimizer", "adam").containsEntry("bn", true)
                .containsEntry("learning_rate", 0.001);
        assertThat(((Number) back.params().get("neurons1")).intValue()).isEqualTo(40);
        assertThat(back.objective().direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(back.issuedAt()).isEqualTo(AT);
        assertThat(new String(MessageCodec.encode(t), StandardCharsets.UTF_8))
                .contains("\"schema\":\"hpo.trial/v1\"", "\"direction\":\"maximize\"", "\"issuedAt\":\"2026-11-27T10:15:30Z\"");
    }

    @Test
    void resultRoundTrips() {
        ResultMessage r = ResultMessage.of("s-1", "s-1.t0", 2, TrialStatus.COMPLETED,
                Map.of("val_recall", 0.8), 12, 3400, "trainer-1", "cpu", null);

        assertThat(MessageCodec.decodeResult(MessageCodec.encode(r))).isEqualTo(r);
    }

    @Test
    void refusesHostileResultsWithTheReason() {
        assertThat(reason("")).isEqualTo("empty record value");
        assertThat(reason("{\"schema\": \"hpo.result/v1\", ")).startsWith("not valid JSON");
        assertThat(reason("[1,2]")).isEqualTo("not a JSON object");
        assertThat(reason("{\"schema\": \"hpo.trial/v1\"}")).isEqualTo("schema (\"hpo.trial/v1\") must be hpo.result/v1");
        assertThat(reason(result("\"status\": \"DONE\""))).startsWith("does not match hpo.result/v1").contains("DONE");
        assertThat(reason(result("\"epochs\": \"many\""))).startsWith("does not match hpo.result/v1");
        assertThat(reason(result("\"metrics\": {\"val_recall\": NaN}"))).startsWith("not valid JSON");
        assertThat(reason(result("\"epochs\": -3"))).isEqualTo("epochs (-3) must be >= 0");
        assertThat(reason(result("\"trialId\": \"" + "x".repeat(500) + "\"")))
                .startsWith("trialId (xxxxxxxx").contains("must match");
        assertThat(reason(result("\"status\": \"FAILED\""))).isEqualTo("error is required");
        assertThat(reason(result("\"extra\": 1"))).startsWith("does not match hpo.result/v1").contains("extra");
        assertThat(reason("{\"x\": \"" + "y".repeat(MessageCodec.MAX_MESSAGE_BYTES) + "\"}"))
                .startsWith("record of ").endsWith("exceeds the limit of 524288");
    }

    @Test
    void progressNeedsAnEpochNumberForEpochEvents() {
        String json = "{\"schema\": \"hpo.progress/v1\", \"studyId\": \"s\", \"trialId\": \"s.t0\", \"attempt\": 1,"
                + " \"worker\": \"w\", \"state\": \"EPOCH\", \"metrics\": {}, \"at\": \"2026-11-27T10:15:30Z\"}";

        assertThatThrownBy(() -> MessageCodec.decodeProgress(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("epoch (null) must be >= 1 for state EPOCH");
    }

    private static String result(String override) {
        String key = override.substring(1, override.indexOf('"', 1));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("schema", "\"hpo.result/v1\"");
        fields.put("studyId", "\"s-1\"");
        fields.put("trialId", "\"s-1.t0\"");
        fields.put("attempt", "1");
        fields.put("status", "\"COMPLETED\"");
        fields.put("metrics", "{\"val_recall\": 0.5}");
        fields.put("epochs", "3");
        fields.put("durationMs", "10");
        fields.put("worker", "\"w\"");
        fields.put(key, override.substring(override.indexOf(':') + 1).trim());
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return b.append('}').toString();
    }

    private static String reason(String json) {
        try {
            MessageCodec.decodeResult(json.getBytes(StandardCharsets.UTF_8));
            return "accepted";
        } catch (InvalidMessageException e) {
            return e.getMessage();
        }
    }
}
