package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import dev.hpo.optimizer.api.ApiAuthProfiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Chromium against an optimizer whose reads and writes need the API token: refused without
 * it, with a message that says where to enter it; with it, the studies, their live updates and the create form.
 */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
@TestProfile(ApiAuthProfiles.TokenReads.class)
class DashboardAuthBrowserTest {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final String SPEC = """
            name: auth-dashboard
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: random, seed: 1}
            budget: {maxTrials: 2, parallelism: 1}
            workerPool: auth-dashboard
            searchSpace:
              neurons1: {type: int, min: 20, max: 60, step: 10}
            trainer: {dataset: {type: synthetic-fraud, rows: 500}}
            """;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void withoutTheTokenTheDashboardSaysWhereToEnterItAndWithItListsFollowsAndCreates() {
        browser().get(dashboard + "#/new");
        element(By.id("spec-input")).sendKeys(SPEC);
        browser().findElement(By.id("create-submit")).click();
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser().findElement(By.id("create-message")).getText()).isEqualTo("missing bearer token: this "
                + "optimizer needs its API token, enter it at the top right (HTTP 401)"));
        WebElement form = browser().findElement(By.id("token-form"));
        assertThat(form.isDisplayed()).isTrue();
        assertThat(form.getAttribute("class")).contains("needed");

        browser().get(dashboard + "#/");
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser().findElement(By.cssSelector("#view .message.error")).getText())
                    .startsWith("missing bearer token: this optimizer needs its API token");
            assertThat(browser().findElement(By.id("live")).getAttribute("data-state")).isEqualTo("no token");
        });

        browser().findElement(By.id("api-token")).sendKeys(ApiAuthProfiles.TOKEN);
        browser().findElement(By.id("api-token-save")).click();
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser().findElement(By.id("view")).getAttribute("data-loaded")).isEqualTo("true");
            assertThat(browser().findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
        });

        browser().get(dashboard + "#/new");
        element(By.id("spec-input")).sendKeys(SPEC);
        browser().findElement(By.id("create-submit")).click();
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser().getCurrentUrl()).contains("#/study/auth-dashboard-");
            assertThat(browser().findElement(By.id("study-name")).getText()).startsWith("auth-dashboard");
            assertThat(browser().findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
        });
        String id = browser().getCurrentUrl().substring(browser().getCurrentUrl().indexOf("#/study/") + 8);
        given().header("Authorization", "Bearer " + ApiAuthProfiles.TOKEN).get("/api/studies/" + id).then()
                .statusCode(200).body("name", org.hamcrest.Matchers.equalTo("auth-dashboard"));
    }

    private static ChromeDriver browser() {
        return CHROMIUM.driver();
    }

    private static WebElement element(By by) {
        return await().atMost(PAGE_WAIT).ignoreExceptions().until(() -> browser().findElement(by), e -> e != null);
    }
}
