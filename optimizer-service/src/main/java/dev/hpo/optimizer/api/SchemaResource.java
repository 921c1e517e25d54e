package dev.hpo.optimizer.api;

import dev.hpo.common.study.StudySpecSchema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON Schema of what users write, the study spec, for editors that check a spec as it is typed. */
@Path("/api/schemas")
@Tag(name = "schemas", description = "JSON Schemas of what users write")
public class SchemaResource {

    /** Where the spec's schema is served; POST /api/studies refers to it in the OpenAPI document. */
    public static final String SPEC = "/api/schemas/spec";

    private static final byte[] SPEC_SCHEMA = StudySpecSchema.bytes();

    @GET
    @Path("spec")
    // application/json too, for a client that asks for nothing else.
    @Produces({StudySpecSchema.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The study spec's JSON Schema", description = "hpo.spec/v1 (draft 2020-12), the body of "
            + "POST /api/studies: every field with its type, range, default and description. Point an editor at it "
            + "(yaml-language-server: a first line `# yaml-language-server: $schema=<this URL>`). What compares two "
            + "fields (min <= max, a condition's parameter and value) is left to POST /api/studies.")
    @APIResponse(responseCode = "200", description = "The schema", content = @Content(
            mediaType = StudySpecSchema.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public byte[] spec() {
        return SPEC_SCHEMA;
    }
}
