package dev.hpo.optimizer.api;

import dev.hpo.common.study.FieldError;
import dev.hpo.common.study.InvalidSpecException;
import dev.hpo.optimizer.study.UnknownStudyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns domain exceptions into JSON error responses: 400 with every field error, 404 for an unknown study. */
public class ErrorMappers {

    /** The body of an error response. */
    public record ErrorBody(String message, List<FieldErrorBody> errors) {
    }

    /** One field error: the dotted path, the offending value and the full sentence. */
    public record FieldErrorBody(String field, Object value, String message) {

        static FieldErrorBody of(FieldError e) {
            return new FieldErrorBody(e.field(), e.value(), e.toString());
        }
    }

    @ServerExceptionMapper
    public Response invalidSpec(InvalidSpecException e) {
        List<FieldErrorBody> errors = e.errors().stream().map(FieldErrorBody::of).toList();
        return json(Response.Status.BAD_REQUEST,
                new ErrorBody("invalid study spec: " + errors.size() + " problem(s)", errors));
    }

    @ServerExceptionMapper
    public Response unknownStudy(UnknownStudyException e) {
        return json(Response.Status.NOT_FOUND, new ErrorBody(e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorBody(e.getMessage(), List.of()));
    }

    static Response json(Response.Status status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
