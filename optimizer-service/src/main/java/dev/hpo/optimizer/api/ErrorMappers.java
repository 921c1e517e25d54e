package dev.hpo.optimizer.api;

import dev.hpo.common.study.FieldError;
import dev.hpo.common.study.InvalidSpecException;
import dev.hpo.optimizer.study.NotOwnedException;
import dev.hpo.optimizer.study.UnknownStudyException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns domain exceptions into JSON error responses: 400 with every field error, 404 for an unknown study, 503 for one whose partition is moving. */
public class ErrorMappers {

    private static final String RETRY_AFTER_SECONDS = "5";

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

    /** A study whose partition is moving between replicas: retry in a few seconds, when the move is done. */
    @ServerExceptionMapper
    public Response notOwned(NotOwnedException e) {
        return retryLater(e.getMessage());
    }

    /** 503 with {@code Retry-After}: the study's partition is moving, which takes seconds. */
    static Response retryLater(String message) {
        return Response.fromResponse(json(Response.Status.SERVICE_UNAVAILABLE, new ErrorBody(message, List.of())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorBody(e.getMessage(), List.of()));
    }

    static Response json(Response.Status status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
