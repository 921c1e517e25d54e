package dev.hpo.optimizer.web;

import dev.hpo.optimizer.study.StudyUpdates;
import dev.hpo.optimizer.study.StudyUpdates.Update;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events of every study, for the dashboard's studies list and compare view. */
@Path("/api/events")
@Tag(name = "events", description = "Live updates as server-sent events")
public class EventsResource {

    @Inject
    StudyUpdates updates;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every study's updates", description = "As /api/studies/{id}/events, for all studies.")
    @APIResponse(responseCode = "200", description = "An endless event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    examples = @ExampleObject(name = "trial-ended", value = StudyEventsResource.EXAMPLE)))
    public Multi<Update> events() {
        return Backlog.of(updates.stream());
    }
}
