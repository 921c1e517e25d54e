package dev.hpo.optimizer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.common.study.StudySpecSchema;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** {@code GET /api/schemas/spec} serves the spec's JSON Schema as published in common, for editors. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class SchemaResourceTest {

    @Test
    void servesTheSpecSchemaAsAJsonSchema() {
        Response answer = given().get("/api/schemas/spec").then().statusCode(200).extract().response();

        assertThat(answer.contentType()).startsWith(StudySpecSchema.MEDIA_TYPE);
        assertThat(answer.jsonPath().getString("'$id'")).isEqualTo(StudySpecSchema.ID).isEqualTo("urn:hpo:schema:hpo.spec/v1");
        assertThat(answer.jsonPath().getString("'$schema'")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(answer.asByteArray()).isEqualTo(StudySpecSchema.bytes());
    }

    @Test
    void aClientAskingForJsonGetsTheSameSchemaAsJson() {
        Response answer = given().accept("application/json").get("/api/schemas/spec").then().statusCode(200)
                .extract().response();

        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.asByteArray()).isEqualTo(StudySpecSchema.bytes());
    }
}
