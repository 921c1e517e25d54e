package dev.hpo.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.TrialException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class ModelTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelTemplate template(String json) throws Exception {
        return ModelTemplate.fromJson(JSON.readTree(json));
    }

    private static HyperParameters params(Map<String, Object> values) {
        return new HyperParameters(values);
    }

    @Test
    void referencesTakeTheTrialsValuesAndDefaultsFillTheRest() throws Exception {
        ModelTemplate template = template("""
                {"layers": [{"type": "dense", "units": "$neurons1", "activation": "tanh"},
                            {"type": "dropout", "rate": "$dropout_rate1"},
                            {"type": "batchnorm"},
                            {"type": "dense", "units": 8},
                            {"type": "output", "activation": "sigmoid"}],
                 "defaults": {"dropout_rate1": 0.25}}""");

        List<LayerSpec> layers = template.resolve(params(Map.of("neurons1", 40.0)));

        assertThat(template.parameterNames()).containsExactlyInAnyOrder("neurons1", "dropout_rate1");
        assertThat(layers).containsExactly(new LayerSpec.Dense(40, Activation.TANH), new LayerSpec.Dropout(0.25),
                new LayerSpec.BatchNorm(), new LayerSpec.Dense(8, Activation.RELU), new LayerSpec.Output());
    }

    @Test
    void fraudMlpIsTheDefaultAndItsPresetName() throws Exception {
        List<LayerSpec> expected = List.of(new LayerSpec.Dense(50, Activation.RELU), new LayerSpec.Dropout(0.1),
                new LayerSpec.Dense(20, Activation.RELU), new LayerSpec.Dropout(0.2), new LayerSpec.Output());
        HyperParameters values = params(Map.of("neurons1", 50L, "dropout_rate1", 0.1));

        assertThat(ModelTemplate.fromJson(null).resolve(values)).isEqualTo(expected);
        assertThat(ModelTemplate.fromJson(JSON.readTree("\"fraud-mlp\"")).resolve(values)).isEqualTo(expected);
    }

    @Test
    void anUnknownReferenceIsNamedWithItsPlace() throws Exception {
        ModelTemplate template = template("""
                {"layers": [{"type": "dense", "units": "$neurons3"}, {"type": "output"}]}""");

        assertThatThrownBy(() -> template.resolve(params(Map.of("neurons1", 4))))
                .isInstanceOf(TrialException.class)
                .hasMessageContaining("trainer.model.layers[0].units references $neurons3, which is neither a trial"
                        + " parameter nor in trainer.model.defaults");
    }

    @Test
    void aReferencedValueOfTheWrongKindNamesTheParameter() throws Exception {
        assertThatThrownBy(() -> ModelTemplate.fraudMlp().resolve(params(Map.of("neurons1", 40.5))))
                .hasMessage("neurons1 (40.5) must be an integer");
        assertThatThrownBy(() -> ModelTemplate.fraudMlp().resolve(params(Map.of("dropout_rate2", 1.0))))
                .hasMessage("dropout_rate2 (1.0) must be in [0, 1)");
        assertThatThrownBy(() -> ModelTemplate.fraudMlp().resolve(params(Map.of("neurons2", 0))))
                .hasMessage("neurons2 (0) must be between 1 and 100000");
    }

    @Test
    void invalidNetworksAreRejected() {
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "dense", "units": 4}]}"""))
                .hasMessageContaining("trainer.model.layers must end with an output layer (the last is dense)");
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "output"}, {"type": "output"}]}"""))
                .hasMessageContaining("trainer.model.layers[0] is an output layer but not the last layer");
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "conv2d"}, {"type": "output"}]}"""))
                .hasMessageContaining("trainer.model.layers[0].type (conv2d) must be one of batchnorm, dense, dropout, output");
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "dense"}, {"type": "output"}]}"""))
                .hasMessageContaining("trainer.model.layers[0].units is required for a dense layer");
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "dropout", "rate": 0.1, "units": 3}, {"type": "output"}]}"""))
                .hasMessageContaining("trainer.model.layers[0].units is not a known key (known: rate, type)");
        assertThatThrownBy(() -> template("""
                {"layers": [{"type": "dense", "units": "$"}, {"type": "output"}]}"""))
                .hasMessageContaining("trainer.model.layers[0].units (\"$\") must be a number, a string or a $parameter");
        assertThatThrownBy(() -> template("{\"layers\": []}"))
                .hasMessageContaining("trainer.model.layers must be a non-empty list");
        assertThatThrownBy(() -> ModelTemplate.fromJson(JSON.readTree("\"resnet\"")))
                .hasMessageContaining("trainer.model (resnet) must be the preset fraud-mlp");
    }

    @Test
    void theOutputMustBeOneSigmoidUnit() throws Exception {
        ModelTemplate softmax = template("""
                {"layers": [{"type": "output", "activation": "$act"}]}""");
        ModelTemplate twoUnits = template("""
                {"layers": [{"type": "output", "units": 2}]}""");

        assertThatThrownBy(() -> softmax.resolve(params(Map.of("act", "relu"))))
                .hasMessageContaining("act (relu) must be sigmoid");
        assertThatThrownBy(() -> softmax.resolve(params(Map.of("act", "softmax"))))
                .hasMessageContaining("act (softmax) must be one of elu, gelu");
        assertThatThrownBy(() -> twoUnits.resolve(params(Map.of())))
                .hasMessageContaining("trainer.model.layers[0].units (2) must be 1");
    }

    @Test
    void parsedJsonIsUsedAsIs() throws Exception {
        JsonNode node = JSON.readTree("{\"layers\": [{\"type\": \"dense\", \"units\": 3}, {\"type\": \"output\"}]}");

        assertThat(ModelTemplate.fromJson(node).resolve(params(Map.of())))
                .containsExactly(new LayerSpec.Dense(3, Activation.RELU), new LayerSpec.Output());
    }
}
