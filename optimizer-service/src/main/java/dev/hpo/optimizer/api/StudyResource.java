package dev.hpo.optimizer.api;

import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.study.StudyService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** The studies REST API: create (JSON or YAML), list, read, list trials, stop. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    @Inject
    StudyService studies;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml",
            MediaType.TEXT_PLAIN})
    public Response create(String body) {
        StudySpec spec = StudySpecParser.parse(body);
        StudyView view = studies.create(spec, StudyView::of);
        return Response.created(URI.create("/api/studies/" + view.id())).entity(view).build();
    }

    @GET
    public List<StudyView> list() {
        return studies.list(StudyView::of);
    }

    @GET
    @Path("{id}")
    public StudyView get(@PathParam("id") String id) {
        return studies.read(id, StudyView::of);
    }

    @GET
    @Path("{id}/trials")
    public List<TrialView> trials(@PathParam("id") String id) {
        return studies.read(id, s -> s.trials().stream().sorted(Comparator.comparingInt(t -> t.number()))
                .map(t -> TrialView.of(t, s.spec().objective().metric())).toList());
    }

    @POST
    @Path("{id}/stop")
    public StudyView stop(@PathParam("id") String id) {
        return studies.stop(id, "stopped through the API", StudyView::of);
    }
}
