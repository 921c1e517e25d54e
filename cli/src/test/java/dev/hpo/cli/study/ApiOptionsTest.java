package dev.hpo.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiOptionsTest {

    private static final Optional<String> LOCAL = Optional.of("http://127.0.0.1:8093");

    @Test
    void flagWinsOverEnvironmentAndLocalStack() {
        assertThat(ApiOptions.resolveUrl("http://flag:1", Map.of(ApiOptions.URL_ENV, "http://env:2"), () -> LOCAL))
                .isEqualTo("http://flag:1");
    }

    @Test
    void environmentWinsOverLocalStack() {
        assertThat(ApiOptions.resolveUrl(null, Map.of(ApiOptions.URL_ENV, "http://env:2"), () -> LOCAL))
                .isEqualTo("http://env:2");
    }

    @Test
    void localStackWinsOverTheDefault() {
        assertThat(ApiOptions.resolveUrl(null, Map.of(ApiOptions.URL_ENV, " "), () -> LOCAL))
                .isEqualTo("http://127.0.0.1:8093");
    }

    @Test
    void defaultIsLocalhost8080() {
        assertThat(ApiOptions.resolveUrl("", Map.of(), Optional::empty)).isEqualTo("http://localhost:8080");
    }
}
