package dev.hpo.optimizer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.hpo.cli.demo.ReferenceExperiment;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.OutcomeConstraint;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.common.study.StudySpecSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The specs this service and the demo show their users (the OpenAPI examples {@code ApiExamples.SPEC*}, the
 * dashboard's reference example, the demo's studies) are valid, for the parser and for schemas/hpo.spec.v1.json
 * alike.
 */
class ExampleSpecsTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(new ByteArrayInputStream(StudySpecSchema.bytes()));

    @Test
    void everyExampleSpecIsValidForTheParserAndTheSchema() throws Exception {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        for (Field f : ApiExamples.class.getFields()) {
            if (f.getName().startsWith("SPEC")) {
                String text = (String) f.get(null);
                examples.put("ApiExamples." + f.getName(),
                        text.startsWith("{") ? Json.mapper().readTree(text) : Json.yaml().readTree(text));
            }
        }
        assertThat(examples).containsKeys("ApiExamples.SPEC_YAML", "ApiExamples.SPEC_JSON");
        examples.put("create.js EXAMPLE", Json.yaml().readTree(dashboardExample()));
        ReferenceExperiment one = new ReferenceExperiment(30, 200, 42, 2, ReferenceExperiment.synthetic(10_000),
                "val_recall");
        ReferenceExperiment two = new ReferenceExperiment(30, 20, 42, 2, ReferenceExperiment.csv("data.csv", "fraud"),
                List.of("val_recall", "val_precision"));
        examples.put("demo grid", one.gridStudy(false));
        examples.put("demo full grid", one.gridStudy(true));
        examples.put("demo bayesian", one.searchStudy("bayesian"));
        examples.put("demo random, two objectives", two.searchStudy("random"));
        examples.put("demo constrained", one.constrainedStudy("bayesian",
                List.of(new OutcomeConstraint("val_precision", 0.75, null))));

        examples.forEach((name, spec) -> {
            StudySpecParser.parse(spec);
            assertThat(SCHEMA.validate(spec)).as(name).isEmpty();
        });
    }

    /** The reference spec the dashboard's create form loads, between {@code const EXAMPLE = `} and {@code `;}. */
    private static String dashboardExample() throws IOException {
        try (InputStream in = ExampleSpecsTest.class.getResourceAsStream("/META-INF/resources/js/create.js")) {
            assertThat(in).as("create.js").isNotNull();
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = js.indexOf("const EXAMPLE = `") + "const EXAMPLE = `".length();
            return js.substring(start, js.indexOf("`;", start));
        }
    }
}
