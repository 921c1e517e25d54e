package dev.hpo.common.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way of getting a spec wrong is refused with an error that names the field (and the value, where there is one). */
class InvalidSpecsTest {

    static final String VALID = """
            name: ok
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: bayesian, acquisition: ei, seed: 1}
            budget: {maxTrials: 10, parallelism: 2}
            searchSpace:
              n: {type: int, min: 20, max: 60, step: 10}
              opt: {type: choice, values: [adam, lion]}
              beta: {type: float, min: 0.8, max: 0.99, when: {opt: lion}}
            """;

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of(VALID.replace("name: ok", "name: \"\""), "name"),
                Arguments.of(VALID.replace("name: ok", "name: \"has space\""), "name"),
                Arguments.of(VALID.replace("name: ok", "name: 42"), "name"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}", ""), "objective"),
                Arguments.of(VALID.replace("metric: val_recall", "metric: \"val recall\""), "objective.metric"),
                Arguments.of(VALID.replace("direction: maximize", "direction: up"), "objective.direction"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}", "objective: 7"), "objective"),
                Arguments.of(VALID.replace("type: bayesian", "type: annealing"), "strategy.type"),
                Arguments.of(VALID.replace("acquisition: ei", "acquisition: ucbx"), "strategy.acquisition"),
                Arguments.of(VALID.replace("seed: 1", "seed: one"), "strategy.seed"),
                Arguments.of(VALID.replace("seed: 1", "seed: 1, xi: -0.5"), "strategy.xi"),
                Arguments.of(VALID.replace("seed: 1", "seed: 1, kappa: 1000"), "strategy.kappa"),
                Arguments.of(VALID.replace("seed: 1", "seed: 1, initialPoints: 0"), "strategy.initialPoints"),
                Arguments.of(VALID.replace("budget: {maxTrials: 10, parallelism: 2}", ""), "budget"),
                Arguments.of(VALID.replace("maxTrials: 10", "maxTrials: 0"), "budget.maxTrials"),
                Arguments.of(VALID.replace("maxTrials: 10", "maxTrials: 1000000"), "budget.maxTrials"),
                Arguments.of(VALID.replace("parallelism: 2", "parallelism: 1.5"), "budget.parallelism"),
                Arguments.of(VALID.replace("parallelism: 2", "parallelism: 2, executionsPerTrial: 50"), "budget.executionsPerTrial"),
                Arguments.of(VALID.replace("budget: {maxTrials: 10, parallelism: 2}", "budget: {parallelism: 2}"), "budget.maxTrials"),
                Arguments.of(VALID + "workerPool: \"no pool!\"\n", "workerPool"),
                Arguments.of(VALID + "finalRefit: maybe\n", "finalRefit"),
                Arguments.of(VALID + "finalRefit: {select: val_precision}\n", "finalRefit.select"),
                Arguments.of(VALID + "finalRefit: {select: 7}\n", "finalRefit.select"),
                Arguments.of(VALID + "finalRefit: {metric: val_recall}\n", "finalRefit.metric"),
                Arguments.of(VALID + "warmStartFrom: s-1\n", "warmStartFrom"),
                Arguments.of(VALID + "warmStartFrom: [s-1, 7]\n", "warmStartFrom[1]"),
                Arguments.of(VALID + "warmStartFrom: [s-1, s-1]\n", "warmStartFrom[1]"),
                Arguments.of(VALID + "trainer: [1, 2]\n", "trainer"),
                Arguments.of(VALID + "constraints: {metric: val_precision, min: 0.75}\n", "constraints"),
                Arguments.of(VALID + "constraints: [{metric: val_precision}]\n", "constraints[0]"),
                Arguments.of(VALID + "constraints: [{min: 0.75}]\n", "constraints[0].metric"),
                Arguments.of(VALID + "constraints: [{metric: val_precision, min: high}]\n", "constraints[0].min"),
                Arguments.of(VALID + "constraints: [{metric: val_precision, min: 0.9, max: 0.5}]\n", "constraints[0].min"),
                Arguments.of(VALID + "constraints: [{metric: val_precision, atLeast: 0.5}]\n", "constraints[0].atLeast"),
                Arguments.of(VALID + "constraints: [7]\n", "constraints[0]"),
                Arguments.of(VALID + "objectives: [{metric: val_recall}, {metric: val_precision}]\n", "objective"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}",
                        "objectives: [{metric: val_recall}]"), "objectives"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}",
                        "objectives: [{metric: val_recall}, {metric: val_recall, direction: minimize}]"), "objectives[1].metric"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}",
                        "objectives: [{metric: val_recall}, {metric: val_precision, direction: sideways}]"), "objectives[1].direction"),
                Arguments.of(VALID.replace("objective: {metric: val_recall, direction: maximize}",
                        "objectives: [{metric: val_recall}, {metric: val_precision, reference: low}]"), "objectives[1].reference"),
                Arguments.of(VALID + "earlyStopping: median\n", "earlyStopping"),
                Arguments.of(VALID + "earlyStopping: {minEpochs: 3}\n", "earlyStopping.type"),
                Arguments.of(VALID + "earlyStopping: {type: hyperband}\n", "earlyStopping.type"),
                Arguments.of(VALID + "earlyStopping: {type: asha, reductionFactor: 1}\n", "earlyStopping.reductionFactor"),
                Arguments.of(VALID + "earlyStopping: {type: median, minEpochs: 0}\n", "earlyStopping.minEpochs"),
                Arguments.of(VALID + "earlyStopping: {type: median, patience: 3}\n", "earlyStopping.patience"),
                Arguments.of(VALID + "colour: blue\n", "colour"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "n: {type: int, min: 70, max: 60}"), "searchSpace.n.min"),
                Arguments.of(VALID.replace("step: 10}", "step: 0}"), "searchSpace.n.step"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "n: {type: int, max: 60}"), "searchSpace.n.min"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "n: {type: int, min: 2.5, max: 60}"), "searchSpace.n.min"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "n: {type: vector}"), "searchSpace.n.type"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "n: 5"), "searchSpace.n"),
                Arguments.of(VALID.replace("n: {type: int, min: 20, max: 60, step: 10}", "\"bad name\": {type: boolean}"), "searchSpace.bad name"),
                Arguments.of(VALID.replace("values: [adam, lion]", "values: []"), "searchSpace.opt.values"),
                Arguments.of(VALID.replace("values: [adam, lion]", "values: [adam, adam]"), "searchSpace.opt.values[1]"),
                Arguments.of(VALID.replace("values: [adam, lion]", "values: [adam, [1, 2]]"), "searchSpace.opt.values[1]"),
                Arguments.of(VALID.replace("when: {opt: lion}", "when: {opt: sgd}"), "searchSpace.beta.when.opt"),
                Arguments.of(VALID.replace("when: {opt: lion}", "when: {later: 1}"), "searchSpace.beta.when.later"),
                Arguments.of(VALID.replace("beta: {type: float, min: 0.8, max: 0.99, when: {opt: lion}}",
                        "beta: {type: float, min: 0, max: 1, log: true}"), "searchSpace.beta.min"),
                Arguments.of(VALID.replace("beta: {type: float, min: 0.8, max: 0.99, when: {opt: lion}}",
                        "beta: {type: float, min: 0.1, max: 1, log: true, step: 0.1}"), "searchSpace.beta.step"),
                Arguments.of(VALID.replace("beta: {type: float, min: 0.8, max: 0.99, when: {opt: lion}}",
                        "beta: {type: float, min: 0.8, max: 0.99, log: sometimes}"), "searchSpace.beta.log"),
                Arguments.of(VALID.replace("searchSpace:", "searchSpace: {}\nunused:"), "searchSpace"));
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void isRefusedNamingTheField(String spec, String field) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> StudySpecParser.parse(spec));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).contains(field);
        assertThat(e.getMessage()).contains(field);
    }

    @org.junit.jupiter.api.Test
    void theListHoldsAtLeastThirtyDistinctMistakes() {
        assertThat(invalidSpecs().map(a -> a.get()[0]).distinct().count()).isGreaterThanOrEqualTo(30);
    }
}
