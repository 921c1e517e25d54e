package dev.hpo.optimizer.api;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * {@code hpo.api.auth.*}: whether the REST API asks for a bearer token, the token, and whether reads need it
 * too. The defaults are in application.properties; {@link ApiAccess} refuses to start on a missing or short token.
 */
@ConfigMapping(prefix = "hpo.api.auth")
public interface ApiAuthConfig {

    /** Whether writes (and, with {@link Reads#TOKEN}, reads) need the token. */
    boolean enabled();

    /** The shared bearer token; required, of at least {@value ApiAccess#MIN_TOKEN_LENGTH} characters, when enabled. */
    Optional<String> token();

    /** Whether reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) need the token too. */
    Reads reads();

    /** Who may read: anyone, or only holders of the token. */
    enum Reads {
        OPEN,
        TOKEN
    }
}
