package dev.hpo.optimizer.api;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an API request carries the bearer token it needs: writes need it when {@code hpo.api.auth} is
 * enabled, reads too when {@code reads=token}. Created at start-up, so that a missing or short token stops the
 * service instead of leaving the API open or guessable.
 */
@Startup
@Singleton
public class ApiAccess {

    /**
     * The shortest token accepted: 16 characters carry 64 random bits as hex (4 bits a character), 96 as base64;
     * docs/operations.md suggests 64 hex characters ({@code openssl rand -hex 32}).
     */
    public static final int MIN_TOKEN_LENGTH = 16;
    /**
     * The query parameter that may carry the token on a GET, for clients that cannot send headers: the
     * browser's EventSource (RFC 6750 section 2.3, "URI Query Parameter").
     */
    public static final String QUERY_PARAMETER = "access_token";

    /** RFC 9110's safe methods (TRACE aside): everything else is a write. */
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    /** Why a request was refused; {@link #label()} is the metric's {@code reason}. */
    public enum Refusal {
        MISSING("missing bearer token"),
        INVALID("invalid bearer token");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        /** The sentence the client gets. */
        public String message() {
            return message;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final boolean enabled;
    private final boolean readsNeedToken;
    private final byte[] token;

    /** Validates the configuration: enabled with no token, or a token shorter than {@value #MIN_TOKEN_LENGTH}, is refused. */
    @Inject
    public ApiAccess(ApiAuthConfig config) {
        this.enabled = config.enabled();
        this.readsNeedToken = config.reads() == ApiAuthConfig.Reads.TOKEN;
        // A Secret written from a file often ends in a newline: the token is what is around it.
        String configured = config.token().map(String::strip).orElse("");
        if (enabled && configured.isEmpty()) {
            throw new ConfigurationException("hpo.api.auth.token is required when hpo.api.auth.enabled is true: "
                    + "set HPO_API_AUTH_TOKEN (on Kubernetes, key token of Secret hpo-api-auth)");
        }
        if (enabled && configured.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException("hpo.api.auth.token must have at least " + MIN_TOKEN_LENGTH
                    + " characters when hpo.api.auth.enabled is true, got " + configured.length());
        }
        this.token = configured.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Empty when the request may pass, else why not.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param accessToken   the {@value #QUERY_PARAMETER} query parameter, or null; only a GET may use it
     */
    public Optional<Refusal> check(String method, String authorization, String accessToken) {
        boolean read = READS.contains(method);
        if (!enabled || (read && !readsNeedToken)) {
            return Optional.empty();
        }
        String supplied = bearer(authorization);
        if (supplied.isEmpty() && "GET".equals(method) && accessToken != null) {
            supplied = accessToken.strip();
        }
        if (supplied.isEmpty()) {
            return Optional.of(Refusal.MISSING);
        }
        // MessageDigest.isEqual's time depends only on the length of its first argument, the expected token.
        return MessageDigest.isEqual(token, supplied.getBytes(StandardCharsets.UTF_8))
                ? Optional.empty() : Optional.of(Refusal.INVALID);
    }

    /** The token of a {@code Bearer} header (the scheme's name is case-insensitive, RFC 9110 11.1), else "". */
    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
