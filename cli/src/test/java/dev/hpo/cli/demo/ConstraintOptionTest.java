package dev.hpo.cli.demo;

import dev.hpo.common.study.OutcomeConstraint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstraintOptionTest {

    @Test
    void readsLowerAndUpperBounds() {
        assertThat(ConstraintOption.parse("val_precision>=0.75"))
                .isEqualTo(new OutcomeConstraint("val_precision", 0.75, null));
        assertThat(ConstraintOption.parse(" train_loss <= 1e-1 "))
                .isEqualTo(new OutcomeConstraint("train_loss", null, 0.1));
        assertThat(ConstraintOption.json(ConstraintOption.parse("val_precision>=0.75")).toString())
                .isEqualTo("{\"metric\":\"val_precision\",\"min\":0.75}");
    }

    @Test
    void refusesOtherTextNamingTheFlagAndTheValue() {
        for (String bad : new String[]{"val_precision>0.75", "val_precision>=high", ">=0.75", "val_precision>=NaN",
                "val_precision=>0.75"}) {
            assertThatThrownBy(() -> ConstraintOption.parse(bad)).as(bad)
                    .hasMessageStartingWith("--constraint (" + bad + ") must be METRIC>=NUMBER or METRIC<=NUMBER");
        }
    }
}
