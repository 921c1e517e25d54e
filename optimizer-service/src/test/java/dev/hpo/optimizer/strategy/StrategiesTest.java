package dev.hpo.optimizer.strategy;

import dev.hpo.optimizer.bo.BayesianStrategy;
import dev.hpo.optimizer.bo.ParEgoStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesTest {

    @Test
    void createsTheStrategyTheConfigurationNames() {
        assertThat(Strategies.create(StrategyConfig.of(StrategyConfig.Type.RANDOM, 1), TestSpaces.reference()))
                .isInstanceOf(RandomStrategy.class);
        assertThat(Strategies.create(StrategyConfig.of(StrategyConfig.Type.GRID, 1), TestSpaces.tiny()))
                .isInstanceOf(GridStrategy.class);
        assertThat(Strategies.create(StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 1), TestSpaces.reference()))
                .isInstanceOf(BayesianStrategy.class);
    }

    @Test
    void bayesianSearchOfSeveralObjectivesIsParEgoAndRandomStaysRandom() {
        assertThat(Strategies.create(StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 1), TestSpaces.reference(), true))
                .isInstanceOf(ParEgoStrategy.class);
        assertThat(Strategies.create(StrategyConfig.of(StrategyConfig.Type.RANDOM, 1), TestSpaces.reference(), true))
                .isInstanceOf(RandomStrategy.class);
    }

    @Test
    void nullSettingsTakeTheirDefaults() {
        StrategyConfig config = new StrategyConfig(StrategyConfig.Type.BAYESIAN, null, null, null, null, 3);

        assertThat(config.acquisition()).isEqualTo(StrategyConfig.AcquisitionType.EI);
        assertThat(config.xi()).isEqualTo(0.01);
        assertThat(config.kappa()).isEqualTo(2.576);
        assertThat(config.initialPoints()).isNull();
    }

    @Test
    void invalidSettingsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new StrategyConfig(StrategyConfig.Type.BAYESIAN, null, -1.0, null, null, 3))
                .hasMessage("xi (-1.0) must be a finite number >= 0");
        assertThatThrownBy(() -> new StrategyConfig(StrategyConfig.Type.BAYESIAN, null, null, null, 0, 3))
                .hasMessage("initialPoints (0) must be >= 1");
    }
}
