package dev.hpo.optimizer.pruning;

import java.util.Arrays;

/** Hand-made learning curves for the rules' tests. */
final class Curves {

    private Curves() {
    }

    static LearningCurve completed(String id, double... values) {
        return new LearningCurve(id, true, Arrays.stream(values).boxed().toList());
    }

    static LearningCurve running(String id, double... values) {
        return new LearningCurve(id, false, Arrays.stream(values).boxed().toList());
    }

    static LearningCurve greedy(String id, double... values) {
        return new LearningCurve(id, false, Arrays.stream(values).boxed().toList(), true);
    }
}
