package dev.hpo.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.local.RepoHome;
import org.junit.jupiter.api.Test;

/** The alerting rules and the scrape configuration under deploy/prometheus, checked by Prometheus's promtool. */
class PrometheusRulesTest {

    @Test
    void promtoolAcceptsTheRulesFileAndFindsTheFourAlerts() {
        String out = Tool.run(RepoHome.locate(), "promtool", "check", "rules", "deploy/prometheus/hpo-rules.yml");

        assertThat(out).contains("SUCCESS: 4 rules found");
    }

    @Test
    void theAlertsFireExactlyInTheSituationsOfTheRulesUnitTests() {
        String out = Tool.run(RepoHome.locate(), "promtool", "test", "rules", "deploy/prometheus/hpo-rules.test.yml");

        assertThat(out).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsTheScrapeConfigurationWithItsRuleFile() {
        String out = Tool.run(RepoHome.locate(), "promtool", "check", "config", "deploy/prometheus/prometheus.yml");

        assertThat(out).contains("is valid prometheus config file syntax").contains("SUCCESS: 4 rules found");
    }
}
