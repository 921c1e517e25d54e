package dev.hpo.common.study;

import java.util.Objects;

/** The metric a study optimises (for example {@code val_recall}) and its direction. */
public record Objective(String metric, Direction direction) {

    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }
}
