package dev.hpo.optimizer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.study.StudyService;
import dev.hpo.optimizer.web.ApiExamples;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The studies REST API: create (JSON or YAML), list, read, list trials, stop. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "studies", description = "Create, read and stop studies; list their trials")
public class StudyResource {

    private static final String UNAUTHORIZED = "hpo.api.auth is enabled and the bearer token is missing or wrong";

    @Inject
    StudyService studies;

    @Inject
    OwnerForwarding forwarding;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml",
            MediaType.TEXT_PLAIN})
    @Operation(summary = "Create a study", description = "The spec as YAML or JSON, an hpo.spec/v1 document "
            + "(its JSON Schema: GET " + SchemaResource.SPEC + "). Every default is made explicit in the answer's "
            + "spec. An invalid spec is refused with every problem, each naming its field.")
    @RequestBody(required = true, content = {
        @Content(mediaType = "application/yaml", schema = @Schema(ref = SchemaResource.SPEC),
                examples = {@ExampleObject(name = "bayesian", value = ApiExamples.SPEC_YAML),
                    @ExampleObject(name = "pareto", value = ApiExamples.SPEC_PARETO_YAML)}),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = SchemaResource.SPEC),
                examples = @ExampleObject(name = "grid", value = ApiExamples.SPEC_JSON))})
    @APIResponse(responseCode = "201", description = "Created; Location names the study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudyView.class),
                    examples = @ExampleObject(name = "created", value = ApiExamples.STUDY)))
    @APIResponse(responseCode = "400", description = "Invalid spec: every field error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID_SPEC)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "missing token", value = ApiExamples.UNAUTHORIZED)))
    public Response create(String body) {
        StudySpec spec = StudySpecParser.parse(body);
        StudyView view = studies.create(spec, StudyView::of);
        return Response.created(URI.create("/api/studies/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List the studies", description = "Every study, newest first: this replica's and, asked "
            + "at once, those of the other optimizer replicas.")
    @APIResponse(responseCode = "200", description = "The studies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StudyView.class),
                    examples = @ExampleObject(name = "one study", value = "[" + ApiExamples.STUDY + "]")))
    public Response list(@Context HttpHeaders headers) {
        List<StudyView> own = studies.list(StudyView::of);
        List<JsonNode> others = headers.getHeaderString(OwnerForwarding.FORWARDED) != null ? List.of()
                : forwarding.peerStudies(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (others.isEmpty()) {
            return Response.ok(own).build();
        }
        List<JsonNode> all = new ArrayList<>(others);
        own.forEach(v -> all.add(mapper.valueToTree(v)));
        all.sort(Comparator.comparing((JsonNode v) -> v.path("createdAt").asText()).reversed());
        return Response.ok(all).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a study", description = "Status, trial counts, best trial, final refit and spec; for"
            + " several objectives also the Pareto set of the feasible trials, its hypervolume and which member is the"
            + " best trial (the one the final refit trains) and why.")
    @APIResponse(responseCode = "200", description = "The study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudyView.class),
                    examples = {@ExampleObject(name = "running", value = ApiExamples.STUDY),
                        @ExampleObject(name = "pareto", value = ApiExamples.PARETO_STUDY)}))
    @APIResponse(responseCode = "404", description = "No such study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErrorMappers.ErrorBody.class),
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.NOT_FOUND)))
    public StudyView get(@PathParam("id") String id) {
        return studies.read(id, StudyView::of);
    }

    @GET
    @Path("{id}/trials")
    @Operation(summary = "List a study's trials", description = "By number, with params, metrics and the "
            + "per-epoch learning curve.")
    @APIResponse(responseCode = "200", description = "The trials",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TrialView.class),
                    examples = {@ExampleObject(name = "one trial", value = "[" + ApiExamples.TRIAL + "]"),
                        @ExampleObject(name = "pareto", value = "[" + ApiExamples.PARETO_TRIAL + "]")}))
    @APIResponse(responseCode = "404", description = "No such study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.NOT_FOUND)))
    public List<TrialView> trials(@PathParam("id") String id) {
        return studies.read(id, s -> {
            java.util.Set<String> pareto = ParetoViews.paretoIds(ParetoViews.summary(s));
            return s.trials().stream().sorted(Comparator.comparingInt(t -> t.number()))
                    .map(t -> TrialView.of(s, t, pareto)).toList();
        });
    }

    @GET
    @Path("{id}/report")
    @Operation(summary = "A study's comparison-ready summary", description = "Trials run, wall time, epochs, best "
            + "trial, final refit (test metrics) and the best-so-far curve in the order trials finished.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudyReport.class),
                    examples = {@ExampleObject(name = "finished", value = ApiExamples.REPORT),
                        @ExampleObject(name = "pareto", value = ApiExamples.PARETO_REPORT)}))
    @APIResponse(responseCode = "404", description = "No such study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.NOT_FOUND)))
    public StudyReport report(@PathParam("id") String id) {
        return studies.read(id, s -> StudyReport.of(s, java.time.Instant.now()));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a study", description = "No new trials are issued; the answer is the study's view.")
    @APIResponse(responseCode = "200", description = "The stopped study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudyView.class)))
    @APIResponse(responseCode = "404", description = "No such study",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "missing token", value = ApiExamples.UNAUTHORIZED)))
    public StudyView stop(@PathParam("id") String id) {
        return studies.stop(id, "stopped through the API", StudyView::of);
    }
}
