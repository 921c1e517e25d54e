package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The REST API as {@code /q/openapi} describes it: every path, with examples of requests and answers, the spec's
 * body referring to its JSON Schema.
 */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyPathIsDescribedWithExamples() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getMap("paths")).containsKeys("/api/studies", "/api/studies/{id}", "/api/studies/{id}/trials",
                "/api/studies/{id}/stop", "/api/studies/{id}/report", "/api/studies/{id}/events", "/api/events",
                "/api/schemas/spec");
        String create = "paths.'/api/studies'.post.";
        assertThat(doc.getString(create + "summary")).isEqualTo("Create a study");
        assertThat(doc.getString(create + "requestBody.content.'application/yaml'.examples.bayesian.value"))
                .contains("name: fraud-recall", "strategy: {type: bayesian");
        for (String type : new String[] {"'application/yaml'", "'application/json'"}) {
            assertThat(doc.getString(create + "requestBody.content." + type + ".schema.'$ref'")).as(type)
                    .isEqualTo("/api/schemas/spec");
        }
        assertThat(doc.getMap("paths.'/api/schemas/spec'.get.responses.'200'.content"))
                .containsKey("application/schema+json");
        assertThat(doc.getString(create + "responses.'400'.content.'application/json'.examples.invalid.value"))
                .contains("searchSpace.neurons1.min (70) must be <= max (60)");
        assertThat(doc.getString(create + "responses.'201'.content.'application/json'.examples.created.value"))
                .contains("fraud-recall-3f2a9c1e");
        assertThat(doc.getString("paths.'/api/studies/{id}/trials'.get.responses.'200'.content.'application/json'"
                + ".examples.'one trial'.value")).contains("val_precision");
        assertThat(doc.getString("paths.'/api/studies/{id}'.get.responses.'404'.description")).isEqualTo("No such study");
        assertThat(doc.getString(create + "requestBody.content.'application/yaml'.examples.pareto.value"))
                .contains("objectives:", "constraints: [{metric: val_precision, min: 0.4}]", "finalRefit: {select:");
        assertThat(doc.getString("paths.'/api/studies/{id}'.get.responses.'200'.content.'application/json'"
                + ".examples.pareto.value")).contains("paretoSet:", "hypervolume:0.5756", "bestChoice:",
                "feasible:9", "constraints:[val_precision >= 0.4]");
        assertThat(doc.getString("paths.'/api/studies/{id}/trials'.get.responses.'200'.content.'application/json'"
                + ".examples.pareto.value")).contains("feasible:true", "pareto:true");
        assertThat(doc.getString("paths.'/api/studies/{id}/report'.get.responses.'200'.content.'application/json'"
                + ".examples.pareto.value")).contains("hypervolumeSoFar:", "bestChoice:", "paretoSet:");
        assertThat(doc.getMap("paths.'/api/studies/{id}/events'.get.responses.'200'.content")).containsKey("text/event-stream");
        for (String write : new String[] {create, "paths.'/api/studies/{id}/stop'.post."}) {
            assertThat(doc.getString(write + "responses.'401'.content.'application/json'.examples.'missing token'.value"))
                    .as(write).contains("missing bearer token");
        }
    }
}
