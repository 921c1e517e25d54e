package dev.hpo.optimizer.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Test profiles that turn {@code hpo.api.auth} on, as an operator would with HPO_API_AUTH_*; each is one Quarkus start. */
public final class ApiAuthProfiles {

    public static final String TOKEN = "test-token-7f3c9a1e5b";

    private ApiAuthProfiles() {
    }

    /** Writes need the token; reads are open (the default of hpo.api.auth.reads). */
    public static class OpenReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpo.api.auth.enabled", "true", "hpo.api.auth.token", TOKEN);
        }
    }

    /** Reads and writes need the token. */
    public static class TokenReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpo.api.auth.enabled", "true", "hpo.api.auth.token", TOKEN, "hpo.api.auth.reads", "token");
        }
    }
}
