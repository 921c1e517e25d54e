package dev.hpo.optimizer.api;

import dev.hpo.optimizer.recovery.OptimizerLease;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A standby replica knows no study: it answers the API with 503 and {@code Retry-After}, naming itself, rather
 * than an empty list or a 404 that would look like lost studies. Kubernetes sends it no traffic anyway, as it is
 * not ready; a client that reaches it directly learns why.
 */
public class StandbyFilter {

    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    OptimizerLease lease;

    @ServerRequestFilter(priority = 500)
    public Optional<Response> refuseOnStandby(ContainerRequestContext request) {
        if (lease.state() != OptimizerLease.State.STANDBY) {
            return Optional.empty();
        }
        Response error = ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE, new ErrorMappers.ErrorBody(
                "optimizer replica " + lease.replica() + " is a standby: another replica holds the lease ("
                        + OptimizerLease.GROUP + ") and drives the studies; retry there or after it is gone",
                List.of()));
        return Optional.of(Response.fromResponse(error).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build());
    }
}
