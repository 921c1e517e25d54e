package dev.hpo.optimizer.pruning;

import dev.hpo.common.study.Direction;
import dev.hpo.common.study.EarlyStopping;
import dev.hpo.common.study.Objective;

/** The rule a study's {@code earlyStopping} section names. */
public final class StoppingRules {

    private StoppingRules() {
    }

    /** The rule for {@code spec}, judging {@code objective}'s metric in its direction. */
    public static StoppingRule of(EarlyStopping spec, Objective objective) {
        boolean maximize = objective.direction() == Direction.MAXIMIZE;
        return switch (spec.type()) {
            case MEDIAN -> new MedianStoppingRule(objective.metric(), maximize, spec.minEpochs(), spec.minTrials());
            case ASHA -> new Asha(objective.metric(), maximize, spec.minEpochs(), spec.minTrials(),
                    spec.reductionFactor());
        };
    }
}
