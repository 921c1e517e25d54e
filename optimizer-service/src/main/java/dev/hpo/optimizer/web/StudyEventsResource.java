package dev.hpo.optimizer.web;

import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.StudyService;
import dev.hpo.optimizer.study.StudyUpdates;
import dev.hpo.optimizer.study.StudyUpdates.Update;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Server-sent events of one study for its dashboard page: each change (a trial issued, running, trained an
 * epoch or ended; the study ended) as one JSON event, from the moment the client connects.
 */
@Path("/api/studies/{id}/events")
@Tag(name = "events", description = "Live updates as server-sent events")
public class StudyEventsResource {

    /** An update as the stream carries it. */
    static final String EXAMPLE = """
            {"kind": "trial-ended", "studyId": "fraud-recall-3f2a9c1e", "trialId": "fraud-recall-3f2a9c1e.t4",
             "data": {"status": "COMPLETED", "metrics": {"val_recall": 0.91, "val_precision": 0.42}}}""";

    @Inject
    StudyUpdates updates;

    @Inject
    StudyService studies;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "One study's updates", description = "One JSON event per change of the study; kind is "
            + "trial-issued, trial-running, trial-epoch, trial-ended or study-ended. A client that falls behind "
            + "loses the oldest updates: re-read the study then.")
    @APIResponse(responseCode = "200", description = "An endless event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    examples = @ExampleObject(name = "trial-ended", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such study")
    public Multi<Update> events(@PathParam("id") String id) {
        studies.read(id, Study::id);
        return Backlog.of(updates.stream().filter(u -> id.equals(u.studyId())));
    }
}
