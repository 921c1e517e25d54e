package dev.hpo.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates records that no consumer may accept: broken syntax, wrong types, unknown schemas, bad values. */
final class HostileRecords {

    /** A record to send: its key, its bytes, and what is wrong with it. */
    record Hostile(String key, byte[] value, String kind) {
    }

    private static final String RESULT = "{\"schema\":\"hpo.result/v1\",\"studyId\":\"%s\",\"trialId\":\"%s.t0\","
            + "\"attempt\":%s,\"status\":\"COMPLETED\",\"metrics\":{\"val_recall\":%s},\"epochs\":%s,"
            + "\"durationMs\":5,\"worker\":\"%s\"}";
    private static final String TRIAL = "{\"schema\":\"hpo.trial/v1\",\"studyId\":\"%s\",\"trialId\":\"%s.t0\","
            + "\"number\":%s,\"attempt\":1,\"params\":{\"neurons1\":%s},\"objective\":{\"metric\":\"val_recall\","
            + "\"direction\":\"maximize\"},\"trainer\":{},\"issuedAt\":\"2026-11-27T10:00:00Z\"}";

    private HostileRecords() {
    }

    /**
     * {@code count} hostile records for the results topic ({@code results} true) or a trial topic, in ten kinds.
     * A valid record for an unknown study is hostile only on the results topic: a worker trains any valid trial.
     */
    static List<Hostile> generate(int count, boolean results, long seed) {
        Random random = new Random(seed);
        List<Hostile> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = (results ? "hostile-result-" : "hostile-trial-") + i;
            String study = "s" + random.nextInt(1000);
            String valid = results ? RESULT.formatted(study, study, 1, 0.5, 3, "w") : TRIAL.formatted(study, study, 0, 20);
            String value;
            String kind;
            switch (i % 10) {
                case 0 -> {
                    kind = "truncated JSON";
                    value = valid.substring(0, 1 + random.nextInt(valid.length() - 2));
                }
                case 1 -> {
                    kind = "wrong type";
                    value = results ? RESULT.formatted(study, study, "\"first\"", 0.5, 3, "w")
                            : TRIAL.formatted(study, study, "\"zero\"", 20);
                }
                case 2 -> {
                    kind = "unknown schema";
                    value = valid.replace("/v1", "/v" + (2 + random.nextInt(9)));
                }
                case 3 -> {
                    kind = "huge string";
                    String huge = "x".repeat(100_000);
                    value = results ? RESULT.formatted(study, study, 1, 0.5, 3, huge) : TRIAL.formatted(huge, huge, 0, 20);
                }
                case 4 -> {
                    kind = "NaN";
                    value = results ? RESULT.formatted(study, study, 1, "NaN", 3, "w") : TRIAL.formatted(study, study, 0, "NaN");
                }
                case 5 -> {
                    kind = "Infinity";
                    value = results ? RESULT.formatted(study, study, 1, "Infinity", 3, "w")
                            : TRIAL.formatted(study, study, 0, "-Infinity");
                }
                case 6 -> {
                    kind = results ? "unknown study" : "nested object as a parameter";
                    value = results ? RESULT.formatted("nobody-" + i, "nobody-" + i, 1, 0.5, 3, "w")
                            : TRIAL.formatted(study, study, 0, "{\"a\":1}");
                }
                case 7 -> {
                    kind = "negative count";
                    value = results ? RESULT.formatted(study, study, 1, 0.5, -3, "w") : TRIAL.formatted(study, study, -1, 20);
                }
                case 8 -> {
                    kind = "not an object";
                    value = "[" + random.nextInt() + ", \"hpo.result/v1\"]";
                }
                default -> {
                    kind = "binary garbage";
                    byte[] bytes = new byte[1 + random.nextInt(200)];
                    random.nextBytes(bytes);
                    out.add(new Hostile(key, bytes, kind));
                    continue;
                }
            }
            out.add(new Hostile(key, value.getBytes(StandardCharsets.UTF_8), kind));
        }
        return out;
    }
}
