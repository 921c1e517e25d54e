package dev.hpo.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.TrialException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class OptimizersTest {

    private static OptimizerSettings of(Map<String, Object> params) {
        return Optimizers.fromParams(new HyperParameters(params));
    }

    @Test
    void adamIsTheDefaultWithKerasDefaults() {
        OptimizerSettings settings = of(Map.of());

        assertThat(settings.name()).isEqualTo("adam");
        assertThat(settings.updater()).isEqualTo(new Adam(1e-3, 0.9, 0.999, 1e-7));
        assertThat(settings.weightDecay()).isZero();
    }

    @Test
    void perOptimizerParametersReachTheUpdater() {
        assertThat(of(Map.of("optimizer", "adam", "learning_rate", 0.01, "beta_1_adam", 0.8, "beta_2_adam", 0.95))
                .updater()).isEqualTo(new Adam(0.01, 0.8, 0.95, 1e-7));
        assertThat(of(Map.of("optimizer", "nadam", "beta_1_nadam", 0.85)).updater())
                .isEqualTo(new Nadam(1e-3, 0.85, 0.999, 1e-7));
        assertThat(of(Map.of("optimizer", "rmsprop", "rho_rmsprop", 0.8)).updater())
                .isEqualTo(new RmsProp(1e-3, 0.8, 1e-7));
        assertThat(of(Map.of("optimizer", "lion", "beta_1_lion", 0.95, "beta_2_lion", 0.98)).updater())
                .isEqualTo(new Lion(1e-3, 0.95, 0.98));
    }

    @Test
    void sgdUsesNesterovMomentumOnlyWhenMomentumIsPositive() {
        assertThat(of(Map.of("optimizer", "sgd")).updater()).isEqualTo(new Sgd(0.01));
        Nesterovs nesterovs = (Nesterovs) of(Map.of("optimizer", "sgd", "momentum_sgd", 0.9, "learning_rate", 0.05))
                .updater();
        assertThat(nesterovs.getMomentum()).isEqualTo(0.9);
        assertThat(nesterovs.getLearningRate()).isEqualTo(0.05);
    }

    @Test
    void adamwAndLionCarryDecoupledWeightDecay() {
        assertThat(of(Map.of("optimizer", "adamw")).weightDecay()).isEqualTo(0.004);
        assertThat(of(Map.of("optimizer", "adamw", "weight_decay_adamw", 0.01)).weightDecay()).isEqualTo(0.01);
        assertThat(of(Map.of("optimizer", "lion")).weightDecay()).isZero();
        assertThat(of(Map.of("optimizer", "lion", "weight_decay_lion", 0.1)).weightDecay()).isEqualTo(0.1);
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> of(Map.of("optimizer", "foo")))
                .isInstanceOf(TrialException.class)
                .hasMessage("optimizer (foo) must be one of adam, adamw, lion, nadam, rmsprop, sgd");
        assertThatThrownBy(() -> of(Map.of("learning_rate", -0.1))).hasMessage("learning_rate (-0.1) must be > 0");
        assertThatThrownBy(() -> of(Map.of("optimizer", "lion", "beta_1_lion", 1.2)))
                .hasMessage("beta_1_lion (1.2) must be in [0, 1)");
        assertThatThrownBy(() -> of(Map.of("learning_rate", "fast"))).hasMessage("learning_rate (fast) must be a number");
    }
}
