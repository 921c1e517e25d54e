package dev.hpo.common.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encodes the wire messages as UTF-8 JSON and decodes them strictly: size, syntax, schema name, types and
 * values are all checked, and what fails is an {@link InvalidMessageException} whose text says why.
 */
public final class MessageCodec {

    /** Real messages are a few kilobytes; anything near Kafka's 1 MB default is hostile. */
    public static final int MAX_MESSAGE_BYTES = 512 * 1024;
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 8 * 1024;
    static final int MAX_MAP_SIZE = 256;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_ID_LENGTH + "}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private MessageCodec() {
    }

    public static byte[] encode(Object message) {
        return Json.write(message).getBytes(StandardCharsets.UTF_8);
    }

    public static TrialMessage decodeTrial(byte[] bytes) {
        TrialMessage m = decode(bytes, TrialMessage.SCHEMA, TrialMessage.class);
        List<String> p = new ArrayList<>();
        ids(p, m.studyId(), m.trialId());
        if (m.number() < 0) {
            p.add("number (" + m.number() + ") must be >= 0");
        }
        attempt(p, m.attempt());
        if (m.params() == null) {
            p.add("params is required");
        } else {
            keys(p, "params", m.params());
            m.params().forEach((k, v) -> {
                if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                    p.add("params." + k + " (" + v + ") must be a number, string or boolean");
                } else if (v instanceof Number n && !Double.isFinite(n.doubleValue())) {
                    p.add("params." + k + " (" + v + ") must be finite");
                }
            });
        }
        if (m.objective() == null) {
            p.add("objective is required");
        }
        if (m.trainer() == null) {
            p.add("trainer is required");
        }
        if (m.issuedAt() == null) {
            p.add("issuedAt is required");
        }
        return checked(m, p);
    }

    public static ResultMessage decodeResult(byte[] bytes) {
        ResultMessage m = decode(bytes, ResultMessage.SCHEMA, ResultMessage.class);
        List<String> p = new ArrayList<>();
        ids(p, m.studyId(), m.trialId());
        attempt(p, m.attempt());
        if (m.status() == null) {
            p.add("status is required");
        }
        metrics(p, m.metrics());
        if (m.epochs() < 0) {
            p.add("epochs (" + m.epochs() + ") must be >= 0");
        }
        if (m.durationMs() < 0) {
            p.add("durationMs (" + m.durationMs() + ") must be >= 0");
        }
        text(p, "worker", m.worker(), true);
        text(p, "device", m.device(), false);
        text(p, "error", m.error(), m.status() == TrialStatus.FAILED);
        text(p, "artifact", m.artifact(), false);
        return checked(m, p);
    }

    public static ProgressMessage decodeProgress(byte[] bytes) {
        ProgressMessage m = decode(bytes, ProgressMessage.SCHEMA, ProgressMessage.class);
        List<String> p = new ArrayList<>();
        ids(p, m.studyId(), m.trialId());
        attempt(p, m.attempt());
        text(p, "worker", m.worker(), true);
        if (m.state() == null) {
            p.add("state is required");
        } else if (m.state() == ProgressState.EPOCH && (m.epoch() == null || m.epoch() < 1)) {
            p.add("epoch (" + m.epoch() + ") must be >= 1 for state EPOCH");
        }
        if (m.metrics() != null) {
            metrics(p, m.metrics());
        }
        if (m.at() == null) {
            p.add("at is required");
        }
        return checked(m, p);
    }

    public static ControlMessage decodeControl(byte[] bytes) {
        ControlMessage m = decode(bytes, ControlMessage.SCHEMA, ControlMessage.class);
        List<String> p = new ArrayList<>();
        ids(p, m.studyId(), m.trialId());
        if (!ControlMessage.STOP.equals(m.action())) {
            p.add("action (" + m.action() + ") must be stop");
        }
        text(p, "reason", m.reason(), false);
        return checked(m, p);
    }

    public static StudyEvent decodeStudyEvent(byte[] bytes) {
        StudyEvent m = decode(bytes, StudyEvent.SCHEMA, StudyEvent.class);
        List<String> p = new ArrayList<>();
        id(p, "studyId", m.studyId());
        if (m.type() == null) {
            p.add("type is required");
        }
        if (m.spec() == null) {
            p.add("spec is required");
        }
        if (m.createdAt() == null) {
            p.add("createdAt is required");
        }
        return checked(m, p);
    }

    private static <T> T decode(byte[] bytes, String schema, Class<T> type) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidMessageException("empty record value");
        }
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new InvalidMessageException("record of " + bytes.length + " bytes exceeds the limit of "
                    + MAX_MESSAGE_BYTES);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (Exception e) {
            throw new InvalidMessageException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException("not a JSON object");
        }
        JsonNode s = tree.get("schema");
        if (s == null || !schema.equals(s.asText())) {
            throw new InvalidMessageException("schema (" + (s == null ? null : abbreviate(s.toString()))
                    + ") must be " + schema);
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (Exception e) {
            throw new InvalidMessageException("does not match " + schema + ": " + firstLine(e.getMessage()));
        }
    }

    private static <T> T checked(T message, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(String.join("; ", problems));
        }
        return message;
    }

    private static void ids(List<String> p, String studyId, String trialId) {
        id(p, "studyId", studyId);
        id(p, "trialId", trialId);
    }

    private static void id(List<String> p, String field, String value) {
        if (value == null) {
            p.add(field + " is required");
        } else if (!ID.matcher(value).matches()) {
            p.add(field + " (" + abbreviate(value) + ") must match " + ID.pattern());
        }
    }

    private static void attempt(List<String> p, int attempt) {
        if (attempt < 1) {
            p.add("attempt (" + attempt + ") must be >= 1");
        }
    }

    private static void metrics(List<String> p, Map<String, Double> metrics) {
        if (metrics == null) {
            p.add("metrics is required");
            return;
        }
        keys(p, "metrics", metrics);
        metrics.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                p.add("metrics." + abbreviate(k) + " (" + v + ") must be a finite number");
            }
        });
    }

    private static void keys(List<String> p, String field, Map<String, ?> map) {
        if (map.size() > MAX_MAP_SIZE) {
            p.add(field + " has " + map.size() + " entries, more than the limit of " + MAX_MAP_SIZE);
        }
        map.keySet().stream().filter(k -> !KEY.matcher(k).matches()).limit(3)
                .forEach(k -> p.add(field + " key (" + abbreviate(k) + ") must match " + KEY.pattern()));
    }

    private static void text(List<String> p, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field + " is required");
            }
        } else if (value.length() > MAX_TEXT_LENGTH) {
            p.add(field + " has " + value.length() + " characters, more than the limit of " + MAX_TEXT_LENGTH);
        }
    }

    static String abbreviate(String s) {
        return abbreviate(s, 80);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** The parser's own first line says what and where (type, value, line and column); enough for a DLQ reason. */
    private static String firstLine(String s) {
        return s == null ? "" : abbreviate(s.lines().findFirst().orElse(""), 240);
    }
}
