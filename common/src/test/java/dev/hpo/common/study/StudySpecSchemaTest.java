package dev.hpo.common.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hpo.common.json.Json;
import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** schemas/hpo.spec.v1.json accepts the specs the parser accepts and refuses the ones it refuses, field by field. */
class StudySpecSchemaTest {

    /**
     * The invalid specs of {@link InvalidSpecsTest} that the schema accepts, each found by a fragment of its text,
     * and why: JSON Schema (2020-12, without the non-standard {@code $data}) cannot compare one value with another.
     */
    private static final Map<String, String> INEXPRESSIBLE = Map.of(
            "n: {type: int, min: 70, max: 60}", "min <= max compares two fields of the parameter",
            "min: 0.9, max: 0.5", "min <= max compares two fields of the constraint",
            "{metric: val_recall}, {metric: val_recall, direction: minimize}",
            "distinct metrics compares a field across items (uniqueItems compares whole items)",
            "when: {opt: sgd}", "a condition's value must be one of another parameter's values",
            "when: {later: 1}", "a condition must name a parameter declared before this one",
            "finalRefit: {select: val_precision}", "finalRefit.select must name one of the objectives' metrics");

    private static final JsonNode SCHEMA_TREE = tree(new String(StudySpecSchema.bytes()));
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(new ByteArrayInputStream(StudySpecSchema.bytes()));

    @Test
    void isADraft202012SchemaWithItsId() {
        assertThat(SCHEMA_TREE.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SCHEMA_TREE.path("$id").asText()).isEqualTo(StudySpecSchema.ID);
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(SCHEMA_TREE)).isEmpty();
    }

    @Test
    void everyExampleSpecOfTheReadmeAndTheTestsValidates() throws IOException {
        List<String> examples = new ArrayList<>(readmeSpecs());
        assertThat(examples).as("study specs in README.md").isNotEmpty();
        examples.add(StudySpecParserTest.REFERENCE);
        examples.add(InvalidSpecsTest.VALID);

        for (String example : examples) {
            StudySpecParser.parse(example);
            assertThat(problems(tree(example))).as(example).isEmpty();
        }
    }

    @Test
    void aSpecWithEveryFieldValidatesAsWrittenAndAsTheParserWritesItBack() {
        String spec = """
                name: everything
                objectives:
                  - {metric: val_recall, direction: maximize, reference: 0.0}
                  - {metric: val_loss, direction: minimize}
                strategy: {type: bayesian, acquisition: ucb, xi: 0.02, kappa: 1.5, initialPoints: 6, seed: -3}
                budget: {maxTrials: 20, parallelism: 4, executionsPerTrial: 2}
                workerPool: gpu-pool
                searchSpace:
                  n: {type: int, min: -5, max: 60, step: 5}
                  opt: {type: choice, values: [adam, 0.5, 3, true]}
                  beta: {type: float, min: 0.8, max: 0.99, step: 0.01, when: {opt: [adam, 3]}}
                  lr: {type: float, min: 1.0e-4, max: 1.0e-1, log: true, when: {opt: adam, n: 10}}
                  bias: {type: boolean, when: {opt: true}}
                trainer: {model: fraud-mlp, anything: [1, {goes: here}]}
                finalRefit: false
                warmStartFrom: [fraud-a1, "fraud-b2:x"]
                constraints: [{metric: val_precision, min: 0.5}, {metric: val_auc, max: 0.99}, {metric: f, min: 0, max: 1}]
                earlyStopping: {type: asha, minEpochs: 2, minTrials: 4, reductionFactor: 2}
                """;

        assertThat(problems(tree(spec))).isEmpty();
        assertThat(problems(StudySpecJson.write(StudySpecParser.parse(spec)))).isEmpty();
    }

    @Test
    void everyInvalidSpecOfInvalidSpecsTestIsRefusedButTheListedCrossFieldOnes() {
        List<Object[]> invalid = InvalidSpecsTest.invalidSpecs().map(Arguments::get).toList();
        Set<String> used = new HashSet<>();

        for (Object[] specAndField : invalid) {
            String spec = (String) specAndField[0];
            String field = "$." + specAndField[1];
            List<String> listed = INEXPRESSIBLE.keySet().stream().filter(spec::contains).toList();
            used.addAll(listed);
            if (listed.isEmpty()) {
                // at the field the parser names, or at an object holding it (a missing required field)
                assertThat(problems(tree(spec))).as("the schema refuses, at or above %s,\n%s", field, spec)
                        .extracting(m -> m.getInstanceLocation().toString()).anyMatch(field::startsWith);
            } else {
                assertThat(problems(tree(spec))).as("listed as inexpressible (%s), yet the schema refuses it: "
                        + "take it off the list\n%s", INEXPRESSIBLE.get(listed.get(0)), spec).isEmpty();
            }
        }
        assertThat(used).as("every inexpressible entry names an invalid spec").isEqualTo(INEXPRESSIBLE.keySet());
    }

    @Test
    void theSchemaRefusesFieldsTheParserIgnores() {
        String typo = InvalidSpecsTest.VALID.replace("seed: 1", "seed: 1, initialPoint: 5");

        assertThat(StudySpecParser.parse(typo).strategy().initialPoints()).isNull();
        assertThat(problems(tree(typo))).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("initialPoint"));
    }

    @Test
    void aGridOverAFloatWithoutStepIsRefusedAsTheOptimizerRefusesIt() {
        String grid = InvalidSpecsTest.VALID.replace("type: bayesian", "type: grid");

        assertThat(problems(tree(grid))).extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString).contains("$.searchSpace.beta");
        assertThat(problems(tree(grid.replace("max: 0.99,", "max: 0.99, step: 0.01,")))).isEmpty();
    }

    @Test
    void everyFieldOfTheSpecRecordsIsInTheSchemaAndNoOther() {
        assertThat(propertiesAt("")).isEqualTo(StudySpecParser.TOP_LEVEL);
        // record -> where the schema describes it, with the components written elsewhere and the fields that no
        // component holds
        record Section(Class<? extends Record> type, String pointer, Set<String> elsewhere, Set<String> extra) {
        }
        List<Section> sections = List.of(
                new Section(StudySpec.class, "", Set.of("references", "refitSelect"), Set.of()),
                new Section(Objective.class, "/$defs/objective", Set.of(), Set.of()),
                new Section(Objective.class, "/properties/objectives/items", Set.of(), Set.of("reference")),
                new Section(StrategySpec.class, "/properties/strategy", Set.of(), Set.of()),
                new Section(Budget.class, "/properties/budget", Set.of(), Set.of()),
                new Section(OutcomeConstraint.class, "/properties/constraints/items", Set.of(), Set.of()),
                new Section(EarlyStopping.class, "/properties/earlyStopping", Set.of(), Set.of()),
                new Section(IntParameter.class, "/$defs/intParameter", Set.of("name"), Set.of("type")),
                new Section(FloatParameter.class, "/$defs/floatParameter", Set.of("name"), Set.of("type")),
                new Section(ChoiceParameter.class, "/$defs/choiceParameter", Set.of("name"), Set.of("type")),
                new Section(BooleanParameter.class, "/$defs/booleanParameter", Set.of("name"), Set.of("type")));
        assertThat(SCHEMA_TREE.at("/properties/objectives/items/properties/reference").isObject())
                .as("StudySpec.references, as objectives[i].reference").isTrue();
        assertThat(SCHEMA_TREE.at("/properties/searchSpace/propertyNames").isObject())
                .as("a parameter's name, as its key in searchSpace").isTrue();

        for (Section s : sections) {
            Set<String> expected = Arrays.stream(s.type().getRecordComponents()).map(RecordComponent::getName)
                    .filter(n -> !s.elsewhere().contains(n)).collect(Collectors.toCollection(HashSet::new));
            expected.addAll(s.extra());
            assertThat(propertiesAt(s.pointer())).as("%s at %s", s.type().getSimpleName(), s.pointer())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSchemasNamesLimitsAndDefaultsAreTheParsers() {
        assertThat(SCHEMA_TREE.at("/$defs/name/pattern").asText()).isEqualTo("^" + StudySpecParser.NAME.pattern() + "$");
        assertThat(SCHEMA_TREE.at("/properties/budget/properties/maxTrials/maximum").asInt())
                .isEqualTo(StudySpecParser.MAX_TRIALS);
        assertThat(SCHEMA_TREE.at("/properties/budget/properties/parallelism/maximum").asInt())
                .isEqualTo(StudySpecParser.MAX_PARALLELISM);
        assertThat(SCHEMA_TREE.at("/properties/budget/properties/executionsPerTrial/maximum").asInt())
                .isEqualTo(StudySpecParser.MAX_EXECUTIONS_PER_TRIAL);
        assertThat(SCHEMA_TREE.at("/properties/searchSpace/maxProperties").asInt())
                .isEqualTo(StudySpecParser.MAX_PARAMETERS);
        assertThat(SCHEMA_TREE.at("/$defs/choiceParameter/properties/values/maxItems").asInt())
                .isEqualTo(StudySpecParser.MAX_CHOICE_VALUES);
        assertThat(SCHEMA_TREE.at("/properties/objectives/maxItems").asInt()).isEqualTo(StudySpec.MAX_OBJECTIVES);
        assertThat(SCHEMA_TREE.at("/properties/constraints/maxItems").asInt()).isEqualTo(StudySpec.MAX_CONSTRAINTS);
        assertThat(SCHEMA_TREE.at("/properties/warmStartFrom/maxItems").asInt())
                .isEqualTo(StudySpec.MAX_WARM_START_STUDIES);
        assertThat(SCHEMA_TREE.at("/properties/workerPool/default").asText()).isEqualTo(StudySpec.DEFAULT_WORKER_POOL);
        assertThat(SCHEMA_TREE.at("/properties/strategy/properties/xi/default").asDouble())
                .isEqualTo(StrategySpec.DEFAULT_XI);
        assertThat(SCHEMA_TREE.at("/properties/strategy/properties/kappa/default").asDouble())
                .isEqualTo(StrategySpec.DEFAULT_KAPPA);
        assertThat(SCHEMA_TREE.at("/properties/earlyStopping/properties/minEpochs/default").asInt())
                .isEqualTo(EarlyStopping.DEFAULT_MEDIAN_MIN_EPOCHS).isEqualTo(EarlyStopping.DEFAULT_ASHA_MIN_EPOCHS);
        assertThat(SCHEMA_TREE.at("/properties/earlyStopping/properties/reductionFactor/default").asInt())
                .isEqualTo(EarlyStopping.DEFAULT_REDUCTION_FACTOR);
    }

    /** The README's YAML blocks that are study specs (they have a searchSpace). */
    private static List<String> readmeSpecs() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> specs = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("\nsearchSpace:")) {
                specs.add(m.group(1));
            }
        }
        return specs;
    }

    private static Set<String> propertiesAt(String pointer) {
        JsonNode properties = SCHEMA_TREE.at(pointer + "/properties");
        if (properties.isMissingNode()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<ValidationMessage> problems(JsonNode spec) {
        return SCHEMA.validate(spec);
    }

    private static JsonNode tree(String text) {
        try {
            return text.stripLeading().startsWith("{") ? Json.mapper().readTree(text) : Json.yaml().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
