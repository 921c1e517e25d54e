package dev.hpo.cli.study;

import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.StackState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --url} and {@code --token} options that every {@code ./hpo study} command shares. */
public final class ApiOptions {

    /** Environment variable with the optimizer's base URL. */
    public static final String URL_ENV = "HPO_API_URL";
    /** Environment variable with the API's bearer token. */
    public static final String TOKEN_ENV = "HPO_API_TOKEN";
    /** Where the API is when neither the flag, the environment nor a local stack says otherwise. */
    public static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL",
            description = "The optimizer's base URL (default: $" + URL_ENV + ", else the API of the stack that "
                    + "./hpo local up started, else " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token for the API (default: $" + TOKEN_ENV + ").")
    String token;

    /** The base URL: the flag, else {@value #URL_ENV}, else the local stack's API, else {@value #DEFAULT_URL}. */
    public String baseUrl() {
        return resolveUrl(url, System.getenv(), ApiOptions::localStackApi);
    }

    /** A client of {@link #baseUrl()} with the token from the flag or {@value #TOKEN_ENV}. */
    StudyClient client() {
        return new StudyClient(baseUrl(), token != null ? token : System.getenv(TOKEN_ENV));
    }

    static String resolveUrl(String flag, Map<String, String> env, Supplier<Optional<String>> localStack) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        String fromEnv = env.get(URL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return localStack.get().orElse(DEFAULT_URL);
    }

    /** The API URL in the state file of the repository's local stack, when that stack is up. */
    private static Optional<String> localStackApi() {
        try {
            return LocalStack.forHome(RepoHome.locate()).status().filter(StackState::anyRunning)
                    .map(StackState::api);
        } catch (RuntimeException e) {
            // An unreadable state file is no reason to fail: the default URL may still answer.
            return Optional.empty();
        }
    }
}
