package dev.hpo.common.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.Condition;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a study spec from JSON or YAML and validates it, collecting every problem (each naming its field
 * and value) before refusing it, so that an author fixes a spec in one round trip.
 */
public final class StudySpecParser {

    /** Refuse specs larger than this before parsing: a spec is a page of YAML, not a data set. */
    public static final int MAX_SPEC_BYTES = 256 * 1024;
    public static final int MAX_PARAMETERS = 64;
    public static final int MAX_CHOICE_VALUES = 256;
    public static final int MAX_TRIALS = 100_000;
    public static final int MAX_PARALLELISM = 1_024;
    public static final int MAX_EXECUTIONS_PER_TRIAL = 20;

    /** Names of studies, pools, metrics and parameters; the spec's schema has the same pattern. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    /** The top-level fields; StudySpecSchemaTest checks that schemas/hpo.spec.v1.json lists the same. */
    static final Set<String> TOP_LEVEL = Set.of("name", "objective", "strategy", "budget", "workerPool",
            "searchSpace", "trainer", "finalRefit", "warmStartFrom", "objectives", "constraints", "earlyStopping");

    private final List<FieldError> errors = new ArrayList<>();

    private StudySpecParser() {
    }

    /** Parses JSON (text starting with '{') or YAML. */
    public static StudySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSpecException(List.of(new FieldError("spec", null, "is empty")));
        }
        if (text.length() > MAX_SPEC_BYTES) {
            throw new InvalidSpecException(List.of(new FieldError("spec", text.length() + " bytes",
                    "is larger than the limit of " + MAX_SPEC_BYTES + " bytes")));
        }
        JsonNode root;
        try {
            root = text.stripLeading().startsWith("{") ? Json.mapper().readTree(text) : Json.yaml().readTree(text);
        } catch (Exception e) {
            throw new InvalidSpecException(List.of(new FieldError("spec", null,
                    "is not valid JSON or YAML: " + firstLine(e.getMessage()))));
        }
        return parse(root);
    }

    /** Validates an already parsed tree. */
    public static StudySpec parse(JsonNode root) {
        return new StudySpecParser().read(root);
    }

    private StudySpec read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException(List.of(new FieldError("spec", null, "must be an object")));
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                error(f, null, "is not a known field (expected one of " + String.join(", ", sorted(TOP_LEVEL)) + ")");
            }
        });
        String name = text(root, "name", null, true);
        if (name != null && !NAME.matcher(name).matches()) {
            error("name", name, "must match " + NAME.pattern());
        }
        Map<String, Double> references = new LinkedHashMap<>();
        List<Objective> objectives = root.has("objectives") ? objectives(root, references) : List.of();
        Objective objective = root.has("objectives") ? (objectives.isEmpty() ? null : objectives.get(0))
                : objective(root.get("objective"), "objective");
        SearchSpace space = searchSpace(root.get("searchSpace"));
        StrategySpec strategy = strategy(root.get("strategy"));
        Budget budget = budget(root.get("budget"));
        String pool = text(root, "workerPool", StudySpec.DEFAULT_WORKER_POOL, false);
        if (pool != null && !NAME.matcher(pool).matches()) {
            error("workerPool", pool, "must match " + NAME.pattern());
        }
        // The metrics finalRefit.select may name; none to check against while an objective is itself invalid.
        List<Objective> declared = root.has("objectives")
                ? (objectives.size() == root.get("objectives").size() ? objectives : List.of())
                : objective == null ? List.of() : List.of(objective);
        FinalRefit finalRefit = finalRefit(root.get("finalRefit"), declared);
        List<String> warmStartFrom = warmStartFrom(root.get("warmStartFrom"));
        List<OutcomeConstraint> constraints = constraints(root.get("constraints"));
        EarlyStopping earlyStopping = earlyStopping(root.get("earlyStopping"));
        JsonNode trainer = root.get("trainer");
        if (trainer != null && !trainer.isObject()) {
            error("trainer", trainer, "must be an object");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
        ObjectNode trainerSection = trainer == null ? Json.mapper().createObjectNode() : (ObjectNode) trainer;
        return new StudySpec(name, objective, strategy, budget, pool, space, trainerSection.deepCopy(),
                finalRefit.enabled(), warmStartFrom, objectives, references, constraints, earlyStopping,
                finalRefit.select());
    }

    /** Whether the search ends with a refit, and which objective picks the member of a Pareto set to refit. */
    private record FinalRefit(boolean enabled, String select) {
    }

    /**
     * {@code finalRefit: true|false|{select: <metric>}}: the object form refits, choosing a multi-objective study's
     * member by the best value of {@code select}, which must be one of {@code objectives}' metrics (not checked
     * when that list is empty).
     */
    private FinalRefit finalRefit(JsonNode node, List<Objective> objectives) {
        if (node == null || node.isNull()) {
            return new FinalRefit(true, null);
        }
        if (node.isBoolean()) {
            return new FinalRefit(node.asBoolean(), null);
        }
        if (!node.isObject()) {
            error("finalRefit", node, "must be true, false or {select: <objective metric>}");
            return new FinalRefit(true, null);
        }
        unknownFields(node, "finalRefit", Set.of("select"));
        String select = text(node, "select", null, false, "finalRefit.select");
        List<String> metrics = objectives.stream().map(Objective::metric).toList();
        if (select != null && !metrics.isEmpty() && !metrics.contains(select)) {
            error("finalRefit.select", select, "must be one of the study's objective metrics ("
                    + String.join(", ", metrics) + ")");
            select = null;
        }
        return new FinalRefit(true, select);
    }

    /**
     * {@code objectives: [{metric, direction, reference?}, ...]}: two to {@value StudySpec#MAX_OBJECTIVES} distinct
     * metrics; {@code objective} may not be given as well.
     */
    private List<Objective> objectives(JsonNode root, Map<String, Double> references) {
        JsonNode node = root.get("objectives");
        List<Objective> out = new ArrayList<>();
        if (root.has("objective")) {
            error("objective", root.get("objective"), "must not be given with objectives (the first of objectives is"
                    + " the primary objective)");
        }
        if (!node.isArray() || node.size() < 2 || node.size() > StudySpec.MAX_OBJECTIVES) {
            error("objectives", node, "must be a list of 2 to " + StudySpec.MAX_OBJECTIVES
                    + " objectives {metric, direction} (use objective for one)");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "objectives[" + i + "]";
            JsonNode entry = node.get(i);
            if (entry.isObject()) {
                unknownFields(entry, path, Set.of("metric", "direction", "reference"));
            }
            Objective o = objective(entry, path);
            if (o == null) {
                continue;
            }
            if (out.stream().anyMatch(p -> p.metric().equals(o.metric()))) {
                error(path + ".metric", o.metric(), "is listed twice");
                continue;
            }
            if (entry.has("reference")) {
                references.put(o.metric(), number(entry, "reference", 0, path + ".reference", -Double.MAX_VALUE,
                        Double.MAX_VALUE));
            }
            out.add(o);
        }
        return out;
    }

    /** {@code constraints: [{metric, min?, max?}, ...]}. */
    private List<OutcomeConstraint> constraints(JsonNode node) {
        List<OutcomeConstraint> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > StudySpec.MAX_CONSTRAINTS) {
            error("constraints", node, "must be a list of at most " + StudySpec.MAX_CONSTRAINTS
                    + " constraints {metric, min, max}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "constraints[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                error(path, entry, "must be an object {metric, min, max}, for example {metric: val_precision, min: 0.75}");
                continue;
            }
            unknownFields(entry, path, Set.of("metric", "min", "max"));
            String metric = text(entry, "metric", null, true, path + ".metric");
            if (metric != null && !NAME.matcher(metric).matches()) {
                error(path + ".metric", metric, "must match " + NAME.pattern());
                metric = null;
            }
            Double min = entry.has("min") ? number(entry, "min", Double.NaN, path + ".min", -Double.MAX_VALUE,
                    Double.MAX_VALUE) : null;
            Double max = entry.has("max") ? number(entry, "max", Double.NaN, path + ".max", -Double.MAX_VALUE,
                    Double.MAX_VALUE) : null;
            if (min == null && max == null) {
                error(path, entry, "needs min or max");
            } else if (min != null && max != null && min > max) {
                error(path + ".min", min, "must not exceed max (" + max + ")");
            } else if (metric != null && (min == null || !min.isNaN()) && (max == null || !max.isNaN())) {
                out.add(new OutcomeConstraint(metric, min, max));
            }
        }
        return out;
    }

    /** {@code earlyStopping: {type: median|asha, minEpochs, minTrials, reductionFactor}}. */
    private EarlyStopping earlyStopping(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error("earlyStopping", node, "must be an object, for example {type: median}");
            return null;
        }
        unknownFields(node, "earlyStopping", Set.of("type", "minEpochs", "minTrials", "reductionFactor"));
        if (!node.has("type")) {
            error("earlyStopping.type", null, "is required (median or asha)");
            return null;
        }
        EarlyStopping.Type type = enumValue(node, "type", EarlyStopping.Type.class, null, "earlyStopping.type");
        // An unreadable type is already an error; the other fields are still checked, against the median's defaults.
        EarlyStopping.Type defaults = type == null ? EarlyStopping.Type.MEDIAN : type;
        int minEpochs = (int) integer(node, "minEpochs", defaults.defaultMinEpochs(), "earlyStopping.minEpochs", 1,
                100_000);
        int minTrials = (int) integer(node, "minTrials", defaults.defaultMinTrials(), "earlyStopping.minTrials", 1,
                MAX_TRIALS);
        int reductionFactor = (int) integer(node, "reductionFactor", EarlyStopping.DEFAULT_REDUCTION_FACTOR,
                "earlyStopping.reductionFactor", 2, 100);
        return type == null ? null : new EarlyStopping(type, minEpochs, minTrials, reductionFactor);
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                error(path + "." + f, null, "is not a known field (expected one of "
                        + String.join(", ", sorted(known)) + ")");
            }
        });
    }

    /** Study ids; whether they exist and fit is the optimizer's to say. */
    private List<String> warmStartFrom(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (!node.isArray()) {
            error("warmStartFrom", node, "must be a list of study ids");
            return ids;
        }
        if (node.size() > StudySpec.MAX_WARM_START_STUDIES) {
            error("warmStartFrom", node.size() + " studies", "is more than the limit of "
                    + StudySpec.MAX_WARM_START_STUDIES);
            return ids;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            String field = "warmStartFrom[" + i + "]";
            if (!id.isTextual() || id.asText().isBlank()) {
                error(field, id, "must be a study id");
            } else if (ids.contains(id.asText())) {
                error(field, id.asText(), "is listed twice");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private Objective objective(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            error(path, null, "is required (for example {metric: val_recall, direction: maximize})");
            return null;
        }
        if (!node.isObject()) {
            error(path, node, "must be an object with metric and direction");
            return null;
        }
        String metric = text(node, "metric", null, true, path + ".metric");
        if (metric != null && !NAME.matcher(metric).matches()) {
            error(path + ".metric", metric, "must match " + NAME.pattern());
            metric = null;
        }
        Direction direction = enumValue(node, "direction", Direction.class, Direction.MAXIMIZE, path + ".direction");
        return metric == null || direction == null ? null : new Objective(metric, direction);
    }

    private StrategySpec strategy(JsonNode node) {
        if (node != null && !node.isObject()) {
            error("strategy", node, "must be an object");
            return null;
        }
        JsonNode n = node == null ? Json.mapper().createObjectNode() : node;
        StrategyType type = enumValue(n, "type", StrategyType.class, StrategyType.BAYESIAN, "strategy.type");
        Acquisition acquisition = enumValue(n, "acquisition", Acquisition.class, Acquisition.EI, "strategy.acquisition");
        double xi = number(n, "xi", StrategySpec.DEFAULT_XI, "strategy.xi", 0, 10);
        double kappa = number(n, "kappa", StrategySpec.DEFAULT_KAPPA, "strategy.kappa", 0, 100);
        Integer initialPoints = n.has("initialPoints")
                ? (int) integer(n, "initialPoints", 0, "strategy.initialPoints", 1, MAX_TRIALS) : null;
        long seed = integer(n, "seed", 0, "strategy.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return new StrategySpec(type, acquisition, xi, kappa, initialPoints, seed);
    }

    private Budget budget(JsonNode node) {
        if (node == null || node.isNull()) {
            error("budget", null, "is required (for example {maxTrials: 30, parallelism: 2})");
            return null;
        }
        if (!node.isObject()) {
            error("budget", node, "must be an object");
            return null;
        }
        if (!node.has("maxTrials")) {
            error("budget.maxTrials", null, "is required");
        }
        int maxTrials = (int) integer(node, "maxTrials", 1, "budget.maxTrials", 1, MAX_TRIALS);
        int parallelism = (int) integer(node, "parallelism", 1, "budget.parallelism", 1, MAX_PARALLELISM);
        int executions = (int) integer(node, "executionsPerTrial", 1, "budget.executionsPerTrial", 1,
                MAX_EXECUTIONS_PER_TRIAL);
        return new Budget(maxTrials, parallelism, executions);
    }

    private SearchSpace searchSpace(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            error("searchSpace", node == null || node.isNull() ? null : node, "must be a non-empty object of parameters");
            return null;
        }
        if (node.size() > MAX_PARAMETERS) {
            error("searchSpace", node.size() + " parameters", "has more than the limit of " + MAX_PARAMETERS);
            return null;
        }
        List<Parameter> parameters = new ArrayList<>();
        Map<String, Parameter> declared = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "searchSpace." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches()) {
                error(path, e.getKey(), "is not a valid parameter name (must match " + NAME.pattern() + ")");
                continue;
            }
            Parameter p = parameter(e.getKey(), e.getValue(), path, declared, names);
            names.add(e.getKey());
            if (p != null) {
                parameters.add(p);
                declared.put(p.name(), p);
            }
        }
        if (parameters.size() != node.size()) {
            return null;
        }
        try {
            return new SearchSpace(parameters);
        } catch (IllegalArgumentException ex) {
            error("searchSpace", null, ex.getMessage());
            return null;
        }
    }

    private Parameter parameter(String name, JsonNode node, String path, Map<String, Parameter> declared,
                                List<String> names) {
        if (!node.isObject()) {
            error(path, node, "must be an object with a type (int, float, choice, boolean)");
            return null;
        }
        int before = errors.size();
        Optional<Condition> when = condition(node.get("when"), path + ".when", declared, names);
        String type = text(node, "type", null, true, path + ".type");
        if (type == null) {
            return null;
        }
        Parameter p = switch (type) {
            case "int" -> intParameter(name, node, path, when);
            case "float" -> floatParameter(name, node, path, when);
            case "choice" -> choiceParameter(name, node, path, when);
            case "boolean" -> new BooleanParameter(name, when);
            default -> {
                error(path + ".type", type, "must be one of int, float, choice, boolean");
                yield null;
            }
        };
        return errors.size() == before ? p : null;
    }

    private IntParameter intParameter(String name, JsonNode node, String path, Optional<Condition> when) {
        require(node, path, "min", "max");
        long min = integer(node, "min", 0, path + ".min", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        long max = integer(node, "max", 0, path + ".max", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        long step = integer(node, "step", 1, path + ".step", 1, Long.MAX_VALUE / 4);
        if (node.has("min") && node.has("max") && min > max) {
            error(path + ".min", min, "must be <= max (" + max + ")");
            return null;
        }
        return new IntParameter(name, min, max, step, when);
    }

    private FloatParameter floatParameter(String name, JsonNode node, String path, Optional<Condition> when) {
        require(node, path, "min", "max");
        double min = number(node, "min", 0, path + ".min", -Double.MAX_VALUE, Double.MAX_VALUE);
        double max = number(node, "max", 0, path + ".max", -Double.MAX_VALUE, Double.MAX_VALUE);
        boolean log = bool(node, "log", false, path + ".log");
        OptionalDouble step = node.has("step")
                ? OptionalDouble.of(number(node, "step", 1, path + ".step", Double.MIN_VALUE, Double.MAX_VALUE))
                : OptionalDouble.empty();
        if (!node.has("min") || !node.has("max")) {
            return null;
        }
        if (min > max) {
            error(path + ".min", min, "must be <= max (" + max + ")");
        }
        if (log && min <= 0) {
            error(path + ".min", min, "must be > 0 when log is true");
        }
        if (log && step.isPresent()) {
            error(path + ".step", step.getAsDouble(), "cannot be combined with log: true");
        }
        try {
            return new FloatParameter(name, min, max, step, log, when);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ChoiceParameter choiceParameter(String name, JsonNode node, String path, Optional<Condition> when) {
        JsonNode values = node.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            error(path + ".values", values == null ? null : values, "must be a non-empty list");
            return null;
        }
        if (values.size() > MAX_CHOICE_VALUES) {
            error(path + ".values", values.size() + " values", "has more than the limit of " + MAX_CHOICE_VALUES);
            return null;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object v = scalar(values.get(i));
            if (v == null) {
                error(path + ".values[" + i + "]", values.get(i), "must be a number, string or boolean");
            } else if (list.stream().anyMatch(x -> dev.hpo.common.space.Values.same(x, v))) {
                error(path + ".values[" + i + "]", v, "is a duplicate");
            } else {
                list.add(v);
            }
        }
        return list.size() == values.size() ? new ChoiceParameter(name, list, when) : null;
    }

    /**
     * Reads a {@code when}; a reference to an earlier parameter that is itself invalid is not reported again
     * (its own error is the root cause).
     */
    private Optional<Condition> condition(JsonNode node, String path, Map<String, Parameter> declared,
                                          List<String> names) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject() || node.isEmpty()) {
            error(path, node, "must be an object of parameter: value (or [values])");
            return Optional.empty();
        }
        Map<String, List<Object>> equals = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String ref = e.getKey();
            Parameter target = declared.get(ref);
            if (target == null) {
                if (!names.contains(ref)) {
                    error(path + "." + ref, null, "refers to no parameter declared before this one");
                }
                return;
            }
            List<Object> accepted = new ArrayList<>();
            JsonNode v = e.getValue();
            for (JsonNode item : v.isArray() ? v : List.of(v)) {
                Object value = scalar(item);
                if (value == null || !target.contains(value)) {
                    error(path + "." + ref, item, "is not a value of parameter " + ref);
                } else {
                    accepted.add(value);
                }
            }
            equals.put(ref, accepted);
        });
        return Optional.of(new Condition(equals));
    }

    private void require(JsonNode node, String path, String... fields) {
        for (String f : fields) {
            if (!node.has(f)) {
                error(path + "." + f, null, "is required");
            }
        }
    }

    private String text(JsonNode node, String field, String fallback, boolean required) {
        return text(node, field, fallback, required, field);
    }

    private String text(JsonNode node, String field, String fallback, boolean required, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(path, null, "is required");
            }
            return fallback;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error(path, v, "must be a non-empty string");
            return fallback;
        }
        return v.asText();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, E fallback, String path) {
        String text = text(node, field, null, false, path);
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            error(path, text, "must be one of " + String.join(", ", names));
            return null;
        }
    }

    private double number(JsonNode node, String field, double fallback, String path, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            error(path, v, "must be a finite number");
            return fallback;
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            error(path, d, "must be in [" + min + ", " + max + "]");
            return fallback;
        }
        return d;
    }

    private long integer(JsonNode node, String field, long fallback, String path, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            error(path, v, "must be an integer");
            return fallback;
        }
        if (!v.canConvertToLong()) {
            error(path, v, "is out of range");
            return fallback;
        }
        long l = v.asLong();
        if (l < min || l > max) {
            error(path, l, min == Long.MIN_VALUE / 4 ? "is out of range" : "must be in [" + min + ", " + max + "]");
            return fallback;
        }
        return l;
    }

    private boolean bool(JsonNode node, String field, boolean fallback, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            error(path, v, "must be true or false");
            return fallback;
        }
        return v.asBoolean();
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return null;
    }

    private void error(String field, Object value, String message) {
        errors.add(new FieldError(field, value instanceof JsonNode n ? n.toString() : value, message));
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
