package dev.hpo.optimizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.optimizer.api.ApiAccess.Refusal;
import dev.hpo.optimizer.api.ApiAuthConfig.Reads;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAccessTest {

    private static final String TOKEN = "0123456789abcdef-token";

    private record Config(boolean enabled, Optional<String> token, Reads reads) implements ApiAuthConfig {
    }

    private static ApiAccess access(boolean enabled, String token, Reads reads) {
        return new ApiAccess(new Config(enabled, Optional.ofNullable(token), reads));
    }

    @Test
    void enabledWithoutATokenRefusesToStartNamingTheProperty() {
        assertThatThrownBy(() -> access(true, null, Reads.OPEN)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("hpo.api.auth.token is required when hpo.api.auth.enabled is true")
                .hasMessageContaining("HPO_API_AUTH_TOKEN");
        assertThatThrownBy(() -> access(true, " \n", Reads.OPEN))
                .hasMessageStartingWith("hpo.api.auth.token is required");
    }

    @Test
    void enabledWithAShortTokenRefusesToStartWithoutEchoingIt() {
        assertThatThrownBy(() -> access(true, "fifteen-chars!!", Reads.OPEN)).isInstanceOf(ConfigurationException.class)
                .hasMessage("hpo.api.auth.token must have at least 16 characters when hpo.api.auth.enabled is true, got 15")
                .message().doesNotContain("fifteen");
    }

    @Test
    void sixteenCharactersAreEnoughAndTheNewlineOfASecretFileIsNotPartOfTheToken() {
        ApiAccess access = access(true, "sixteen-chars!!!\n", Reads.OPEN);

        assertThat(access.check("POST", "Bearer sixteen-chars!!!", null)).isEmpty();
    }

    @ParameterizedTest(name = "enabled={0}, reads={1}: {2} with Authorization [{3}]")
    @CsvSource({"false, TOKEN, POST,", "false, TOKEN, DELETE, Bearer wrong", "false, TOKEN, GET,",
        "true, OPEN, GET,", "true, OPEN, HEAD, Bearer wrong", "true, OPEN, OPTIONS,"})
    void disabledOrForAnOpenReadNoTokenIsAsked(boolean enabled, Reads reads, String method, String authorization) {
        ApiAccess access = access(enabled, enabled ? TOKEN : null, reads);

        assertThat(access.check(method, authorization, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "PROPFIND"})
    void everyMethodButTheSafeOnesIsAWriteThatNeedsTheToken(String method) {
        ApiAccess access = access(true, TOKEN, Reads.OPEN);

        assertThat(access.check(method, null, null)).contains(Refusal.MISSING);
        assertThat(access.check(method, "Bearer " + TOKEN + "x", null)).contains(Refusal.INVALID);
        assertThat(access.check(method, "Bearer " + TOKEN, null)).isEmpty();
    }

    @Test
    void theSchemeIsCaseInsensitiveAndAnotherSchemeIsNoBearerToken() {
        ApiAccess access = access(true, TOKEN, Reads.OPEN);

        assertThat(access.check("POST", "bearer " + TOKEN, null)).isEmpty();
        assertThat(access.check("POST", "BEARER  " + TOKEN + " ", null)).isEmpty();
        assertThat(access.check("POST", "Basic " + TOKEN, null)).contains(Refusal.MISSING);
        assertThat(access.check("POST", "Bearer ", null)).contains(Refusal.MISSING);
        assertThat(access.check("POST", "Bearer" + TOKEN, null)).contains(Refusal.MISSING);
    }

    @Test
    void aTokenOfAnotherLengthOrAPrefixIsInvalid() {
        ApiAccess access = access(true, TOKEN, Reads.OPEN);

        assertThat(access.check("POST", "Bearer " + TOKEN.substring(0, 16), null)).contains(Refusal.INVALID);
        assertThat(access.check("POST", "Bearer x", null)).contains(Refusal.INVALID);
        assertThat(access.check("POST", "Bearer " + TOKEN.toUpperCase(), null)).contains(Refusal.INVALID);
    }

    @Test
    void tokenReadsNeedTheTokenInTheHeaderOrOnAGetInTheQuery() {
        ApiAccess access = access(true, TOKEN, Reads.TOKEN);

        assertThat(access.check("GET", null, null)).contains(Refusal.MISSING);
        assertThat(access.check("HEAD", null, null)).contains(Refusal.MISSING);
        assertThat(access.check("GET", "Bearer " + TOKEN, null)).isEmpty();
        assertThat(access.check("GET", null, TOKEN)).isEmpty();
        assertThat(access.check("GET", null, "wrong")).contains(Refusal.INVALID);
        assertThat(access.check("GET", "Bearer wrong", TOKEN)).as("the header wins").contains(Refusal.INVALID);
    }

    @Test
    void theQueryParameterNeverAuthorisesAWrite() {
        ApiAccess access = access(true, TOKEN, Reads.TOKEN);

        assertThat(access.check("POST", null, TOKEN)).contains(Refusal.MISSING);
        assertThat(access.check("HEAD", null, TOKEN)).contains(Refusal.MISSING);
    }

    @Test
    void refusalsSayWhatIsWrongAndLabelTheMetric() {
        assertThat(Refusal.MISSING.message()).isEqualTo("missing bearer token");
        assertThat(Refusal.INVALID.message()).isEqualTo("invalid bearer token");
        assertThat(Refusal.MISSING.label()).isEqualTo("missing");
        assertThat(Refusal.INVALID.label()).isEqualTo("invalid");
    }
}
