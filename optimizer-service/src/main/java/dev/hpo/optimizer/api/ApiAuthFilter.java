package dev.hpo.optimizer.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a REST request (every resource is under {@code /api}) that lacks the token {@link ApiAccess} asks
 * for: 401 with a {@code Bearer} challenge and the API's error body, counted in
 * {@code hpo_api_auth_failures_total{reason}}. Health, metrics and the dashboard's files are not REST resources
 * and never reach it. Neither the answer nor the log repeats what the client sent.
 */
public class ApiAuthFilter {

    /** The challenge of RFC 6750 section 3. */
    private static final String CHALLENGE = "Bearer realm=\"hpo\"";

    private static final Logger LOG = Logger.getLogger(ApiAuthFilter.class);

    @Inject
    ApiAccess access;

    @Inject
    MeterRegistry registry;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String method = request.getMethod();
        return access.check(method, request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getUriInfo().getQueryParameters().getFirst(ApiAccess.QUERY_PARAMETER))
                .map(refusal -> refuse(method, request.getUriInfo().getPath(), refusal));
    }

    private Response refuse(String method, String path, ApiAccess.Refusal refusal) {
        registry.counter("hpo.api.auth.failures", "reason", refusal.label()).increment();
        // The path without its query: a GET's query may hold the token.
        LOG.infof("refused %s %s: %s", method, path, refusal.message());
        Response error = ErrorMappers.json(Response.Status.UNAUTHORIZED,
                new ErrorMappers.ErrorBody(refusal.message(), List.of()));
        return Response.fromResponse(error).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
