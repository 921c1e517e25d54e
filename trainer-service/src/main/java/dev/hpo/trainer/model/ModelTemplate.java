package dev.hpo.trainer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.TrialException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.activations.Activation;

/**
 * A declarative Sequential network, the {@code model} entry of the trainer section: a list of layers whose values are
 * constants or {@code "$name"} references to trial parameters, plus {@code defaults} for references a trial leaves
 * out. The preset {@code fraud-mlp} is such a template:
 * Dense($neurons1, relu) -> Dropout($dropout_rate1) -> Dense($neurons2, relu) -> Dropout($dropout_rate2) -> output.
 *
 * <p>Layer types and their fields: {@code dense} (units, activation = relu), {@code dropout} (rate, the share
 * dropped, as Keras), {@code batchnorm}, {@code output} (activation = sigmoid, units = 1; last and only once).
 */
public final class ModelTemplate {

    public static final String FRAUD_MLP = "fraud-mlp";

    private static final String FRAUD_MLP_JSON = """
            {"layers": [
               {"type": "dense", "units": "$neurons1", "activation": "relu"},
               {"type": "dropout", "rate": "$dropout_rate1"},
               {"type": "dense", "units": "$neurons2", "activation": "relu"},
               {"type": "dropout", "rate": "$dropout_rate2"},
               {"type": "output", "activation": "sigmoid"}],
             "defaults": {"neurons1": 40, "neurons2": 20, "dropout_rate1": 0.2, "dropout_rate2": 0.2}}""";
    private static final Map<String, Set<String>> FIELDS = Map.of("dense", Set.of("type", "units", "activation"),
            "dropout", Set.of("type", "rate"), "batchnorm", Set.of("type"), "output", Set.of("type", "activation", "units"));
    private static final Pattern REFERENCE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final int MAX_UNITS = 100_000;
    private static final String PATH = "trainer.model";

    private record LayerTemplate(String path, String type, JsonNode node) {
    }

    /** A value ready to convert, and how to name it in an error: the parameter's name, or the field's path. */
    private record Resolved(String label, Object value) {
    }

    private final List<LayerTemplate> layers;
    private final Map<String, JsonNode> defaults;
    private final Set<String> parameterNames;

    private ModelTemplate(List<LayerTemplate> layers, Map<String, JsonNode> defaults, Set<String> parameterNames) {
        this.layers = List.copyOf(layers);
        this.defaults = Map.copyOf(defaults);
        this.parameterNames = Set.copyOf(parameterNames);
    }

    /** Reads {@code trainer.model}: absent means fraud-mlp, a string names a preset, an object is a template. */
    public static ModelTemplate fromJson(JsonNode model) {
        if (model == null || model.isNull() || model.isMissingNode()) {
            return fraudMlp();
        }
        if (model.isTextual()) {
            if (!model.asText().equals(FRAUD_MLP)) {
                throw new TrialException(PATH + " (" + model.asText() + ") must be the preset " + FRAUD_MLP
                        + " or an object with layers");
            }
            return fraudMlp();
        }
        if (!model.isObject()) {
            throw new TrialException(PATH + " (" + model + ") must be a preset name or an object with layers");
        }
        return parse(model);
    }

    public static ModelTemplate fraudMlp() {
        try {
            return parse(new ObjectMapper().readTree(FRAUD_MLP_JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the fraud-mlp preset is not valid JSON", e);
        }
    }

    /** The trial parameters the layers reference. */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    /** The layers with every reference replaced by the trial's value or the template's default, validated. */
    public List<LayerSpec> resolve(HyperParameters params) {
        List<LayerSpec> result = new ArrayList<>(layers.size());
        for (LayerTemplate layer : layers) {
            result.add(switch (layer.type()) {
                case "dense" -> new LayerSpec.Dense(units(layer, params), activation(layer, params, "relu"));
                case "dropout" -> {
                    Resolved rate = value(layer, "rate", params);
                    yield new LayerSpec.Dropout(HyperParameters.toFraction(rate.label(), rate.value()));
                }
                case "batchnorm" -> new LayerSpec.BatchNorm();
                default -> output(layer, params);
            });
        }
        return result;
    }

    private static ModelTemplate parse(JsonNode model) {
        requireOnly(model, PATH, Set.of("layers", "defaults"));
        JsonNode layersNode = model.path("layers");
        if (!layersNode.isArray() || layersNode.isEmpty()) {
            throw new TrialException(PATH + ".layers must be a non-empty list of layers");
        }
        List<LayerTemplate> layers = new ArrayList<>();
        Set<String> references = new TreeSet<>();
        for (int i = 0; i < layersNode.size(); i++) {
            LayerTemplate layer = layer(layersNode.get(i), PATH + ".layers[" + i + "]");
            boolean last = i == layersNode.size() - 1;
            if (layer.type().equals("output") != last) {
                throw new TrialException(last
                        ? PATH + ".layers must end with an output layer (the last is " + layer.type() + ")"
                        : layer.path() + " is an output layer but not the last layer");
            }
            layer.node().fields().forEachRemaining(field -> reference(field.getValue()).ifPresent(references::add));
            layers.add(layer);
        }
        return new ModelTemplate(layers, defaults(model.path("defaults")), references);
    }

    private static LayerTemplate layer(JsonNode node, String path) {
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new TrialException(path + " (" + node + ") must be an object with a type");
        }
        String type = node.get("type").asText();
        if (!FIELDS.containsKey(type)) {
            throw new TrialException(path + ".type (" + type + ") must be one of " + String.join(", ",
                    new TreeSet<>(FIELDS.keySet())));
        }
        requireOnly(node, path, FIELDS.get(type));
        String required = type.equals("dense") ? "units" : type.equals("dropout") ? "rate" : null;
        if (required != null && !node.has(required)) {
            throw new TrialException(path + "." + required + " is required for a " + type + " layer");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()
                    || value.isTextual() && value.asText().startsWith("$") && reference(value).isEmpty()) {
                throw new TrialException(path + "." + field.getKey() + " (" + value + ") must be a number, a string"
                        + " or a $parameter reference");
            }
        }
        return new LayerTemplate(path, type, node);
    }

    private static Map<String, JsonNode> defaults(JsonNode node) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return result;
        }
        if (!node.isObject()) {
            throw new TrialException(PATH + ".defaults (" + node + ") must map parameter names to values");
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new TrialException(PATH + ".defaults." + field.getKey() + " (" + field.getValue()
                        + ") must be a number, string or boolean");
            }
            result.put(field.getKey(), field.getValue());
        });
        return result;
    }

    private static Optional<String> reference(JsonNode value) {
        if (value.isTextual()) {
            Matcher matcher = REFERENCE.matcher(value.asText());
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static void requireOnly(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new TrialException(path + "." + key + " is not a known key (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }

    /** The field's value, following a reference to the trial's parameters, then to the defaults; null if absent. */
    private Resolved value(LayerTemplate layer, String field, HyperParameters params) {
        JsonNode node = layer.node().get(field);
        if (node == null) {
            return null;
        }
        String path = layer.path() + "." + field;
        Optional<String> reference = reference(node);
        if (reference.isEmpty()) {
            return new Resolved(path, literal(node));
        }
        String name = reference.get();
        if (params.contains(name)) {
            return new Resolved(name, params.raw(name));
        }
        if (defaults.containsKey(name)) {
            return new Resolved(PATH + ".defaults." + name, literal(defaults.get(name)));
        }
        throw new TrialException(path + " references $" + name + ", which is neither a trial parameter nor in "
                + PATH + ".defaults");
    }

    private static Object literal(JsonNode node) {
        return node.isNumber() ? node.numberValue() : node.isBoolean() ? (Object) node.booleanValue() : node.asText();
    }

    private int units(LayerTemplate layer, HyperParameters params) {
        Resolved units = value(layer, "units", params);
        int value = HyperParameters.toInt(units.label(), units.value());
        if (value < 1 || value > MAX_UNITS) {
            throw new TrialException(units.label() + " (" + value + ") must be between 1 and " + MAX_UNITS);
        }
        return value;
    }

    private Activation activation(LayerTemplate layer, HyperParameters params, String defaultName) {
        Resolved activation = value(layer, "activation", params);
        Object name = activation == null ? defaultName : activation.value();
        if (!(name instanceof String text) || !LayerSpec.ACTIVATIONS.containsKey(text)) {
            throw new TrialException(activation.label() + " (" + name + ") must be one of "
                    + String.join(", ", new TreeSet<>(LayerSpec.ACTIVATIONS.keySet())));
        }
        return LayerSpec.ACTIVATIONS.get(text);
    }

    private LayerSpec output(LayerTemplate layer, HyperParameters params) {
        if (activation(layer, params, "sigmoid") != Activation.SIGMOID) {
            Resolved activation = value(layer, "activation", params);
            throw new TrialException(activation.label() + " (" + activation.value() + ") must be sigmoid: the output"
                    + " is one unit trained with binary cross-entropy");
        }
        Resolved units = value(layer, "units", params);
        if (units != null && HyperParameters.toInt(units.label(), units.value()) != 1) {
            throw new TrialException(units.label() + " (" + units.value() + ") must be 1: the output is one sigmoid unit");
        }
        return new LayerSpec.Output();
    }
}
