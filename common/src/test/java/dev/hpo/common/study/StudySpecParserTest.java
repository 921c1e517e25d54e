package dev.hpo.common.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySpecParserTest {

    static final String REFERENCE = """
            name: fraud-recall
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: bayesian, acquisition: ei, xi: 0.01, initialPoints: 10, seed: 42}
            budget: {maxTrials: 30, parallelism: 2, executionsPerTrial: 1}
            workerPool: dl4j
            searchSpace:
              neurons1:      {type: int, min: 20, max: 60, step: 10}
              dropout_rate1: {type: float, min: 0.0, max: 0.5, step: 0.1}
              optimizer:     {type: choice, values: [adam, lion, rmsprop, sgd]}
              beta_1_lion:   {type: float, min: 0.85, max: 0.99, when: {optimizer: lion}}
              learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
              batch_size:    {type: choice, values: [16, 32, 64]}
              epochs:        {type: int, min: 50, max: 200, step: 50}
            trainer:
              dataset: {type: synthetic-fraud, rows: 10000, features: 30, positiveRate: 0.1, seed: 7}
              model: fraud-mlp
            """;

    @Test
    void readsTheReferenceSpecOfTheDesign() {
        StudySpec spec = StudySpecParser.parse(REFERENCE);

        assertThat(spec.name()).isEqualTo("fraud-recall");
        assertThat(spec.objective()).isEqualTo(new Objective("val_recall", Direction.MAXIMIZE));
        assertThat(spec.strategy()).isEqualTo(new StrategySpec(StrategyType.BAYESIAN, Acquisition.EI, 0.01,
                StrategySpec.DEFAULT_KAPPA, 10, 42));
        assertThat(spec.budget()).isEqualTo(new Budget(30, 2, 1));
        assertThat(spec.searchSpace().size()).isEqualTo(7);
        assertThat(spec.searchSpace().get("neurons1")).contains(new IntParameter("neurons1", 20, 60, 10));
        FloatParameter beta = (FloatParameter) spec.searchSpace().get("beta_1_lion").orElseThrow();
        assertThat(beta.when().orElseThrow().equals()).isEqualTo(Map.of("optimizer", List.of("lion")));
        assertThat(((FloatParameter) spec.searchSpace().get("learning_rate").orElseThrow()).log()).isTrue();
        assertThat(((ChoiceParameter) spec.searchSpace().get("batch_size").orElseThrow()).values())
                .containsExactly(16L, 32L, 64L);
        assertThat(spec.trainer().at("/dataset/rows").asInt()).isEqualTo(10000);
    }

    @Test
    void jsonAndYamlOfTheSameSpecAreEqual() {
        StudySpec fromYaml = StudySpecParser.parse(REFERENCE + "warmStartFrom: [fraud-a1, fraud-b2]\n");
        assertThat(fromYaml.warmStartFrom()).containsExactly("fraud-a1", "fraud-b2");
        String json = StudySpecJson.write(fromYaml).toString();

        StudySpec fromJson = StudySpecParser.parse(json);

        assertThat(fromJson).isEqualTo(fromYaml);
    }

    @Test
    void readsConstraintsObjectivesAndEarlyStoppingAndWritesThemBack() {
        String spec = REFERENCE.replace("objective: {metric: val_recall, direction: maximize}\n", """
                objectives:
                  - {metric: val_recall, direction: maximize}
                  - {metric: val_precision, direction: maximize, reference: 0.1}
                constraints: [{metric: val_precision, min: 0.75}, {metric: train_loss, min: 0, max: 2.5}]
                earlyStopping: {type: asha, reductionFactor: 4}
                """);

        StudySpec parsed = StudySpecParser.parse(spec);

        assertThat(parsed.objective()).isEqualTo(new Objective("val_recall", Direction.MAXIMIZE));
        assertThat(parsed.objectives()).extracting(Objective::metric).containsExactly("val_recall", "val_precision");
        assertThat(parsed.multiObjective()).isTrue();
        assertThat(parsed.references()).isEqualTo(Map.of("val_precision", 0.1));
        assertThat(parsed.constraints()).containsExactly(new OutcomeConstraint("val_precision", 0.75, null),
                new OutcomeConstraint("train_loss", 0.0, 2.5));
        assertThat(parsed.earlyStopping()).isEqualTo(new EarlyStopping(EarlyStopping.Type.ASHA,
                EarlyStopping.DEFAULT_ASHA_MIN_EPOCHS, EarlyStopping.DEFAULT_ASHA_MIN_TRIALS, 4));
        assertThat(parsed.feasible(Map.of("val_precision", 0.8, "train_loss", 0.3))).isTrue();
        assertThat(parsed.feasible(Map.of("val_precision", 0.74, "train_loss", 0.3))).isFalse();
        assertThat(parsed.feasible(Map.of("val_precision", 0.8))).isFalse();
        assertThat(StudySpecParser.parse(StudySpecJson.write(parsed).toString())).isEqualTo(parsed);
    }

    @Test
    void finalRefitSelectNamesAnObjectiveMetricAndIsWrittenBack() {
        String pareto = REFERENCE.replace("objective: {metric: val_recall, direction: maximize}\n", """
                objectives:
                  - {metric: val_recall, direction: maximize}
                  - {metric: val_precision, direction: maximize}
                """);

        StudySpec chosen = StudySpecParser.parse(pareto + "finalRefit: {select: val_precision}\n");

        assertThat(chosen.finalRefit()).isTrue();
        assertThat(chosen.refitSelect()).isEqualTo("val_precision");
        assertThat(StudySpecJson.write(chosen).get("finalRefit").toString()).isEqualTo("{\"select\":\"val_precision\"}");
        assertThat(StudySpecParser.parse(StudySpecJson.write(chosen).toString())).isEqualTo(chosen);
        assertThat(StudySpecParser.parse(pareto).refitSelect()).isNull();
        assertThat(StudySpecParser.parse(pareto + "finalRefit: {}\n").finalRefit()).isTrue();
        assertThat(StudySpecJson.write(StudySpecParser.parse(pareto)).get("finalRefit").asBoolean()).isTrue();
        assertThatThrownBy(() -> StudySpecParser.parse(pareto + "finalRefit: {select: val_auc}\n"))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::toString).containsExactly("finalRefit.select (val_auc) must be one of"
                                + " the study's objective metrics (val_recall, val_precision)"));
    }

    @Test
    void aSingleObjectiveStudyHasOneObjectiveNoConstraintsAndNoEarlyStopping() {
        StudySpec spec = StudySpecParser.parse(REFERENCE);

        assertThat(spec.objectives()).containsExactly(spec.objective());
        assertThat(spec.multiObjective()).isFalse();
        assertThat(spec.constraints()).isEmpty();
        assertThat(spec.feasible(Map.of())).isTrue();
        assertThat(spec.earlyStopping()).isNull();
        assertThat(StudySpecParser.parse("""
                {"name": "x", "objective": {"metric": "m"}, "budget": {"maxTrials": 5},
                 "searchSpace": {"flag": {"type": "boolean"}}, "earlyStopping": {"type": "median"}}""")
                .earlyStopping()).isEqualTo(new EarlyStopping(EarlyStopping.Type.MEDIAN,
                EarlyStopping.DEFAULT_MEDIAN_MIN_EPOCHS, EarlyStopping.DEFAULT_MEDIAN_MIN_TRIALS,
                EarlyStopping.DEFAULT_REDUCTION_FACTOR));
    }

    @Test
    void appliesDefaultsForOptionalSections() {
        StudySpec spec = StudySpecParser.parse("""
                {"name": "x", "objective": {"metric": "val_loss", "direction": "minimize"},
                 "budget": {"maxTrials": 5}, "searchSpace": {"flag": {"type": "boolean"}}}""");

        assertThat(spec.strategy().type()).isEqualTo(StrategyType.BAYESIAN);
        assertThat(spec.strategy().acquisition()).isEqualTo(Acquisition.EI);
        assertThat(spec.strategy().initialPoints()).isNull();
        assertThat(spec.budget()).isEqualTo(new Budget(5, 1, 1));
        assertThat(spec.workerPool()).isEqualTo("dl4j");
        assertThat(spec.trainer().isEmpty()).isTrue();
    }

    @Test
    void reportsEveryProblemAtOnceNamingFieldAndValue() {
        String bad = """
                name: "bad name!"
                objective: {metric: val_recall, direction: upward}
                strategy: {type: bayesian, acquisition: xyz, xi: -1}
                budget: {maxTrials: 0, parallelism: 2.5}
                workerPool: dl4j
                colour: blue
                searchSpace:
                  neurons1: {type: int, min: 70, max: 60}
                  rate: {type: float, min: 0, max: 1, log: true}
                  opt: {type: choice, values: [adam, adam]}
                  beta: {type: float, min: 0.8, max: 0.9, when: {opt: lion}}
                  gamma: {type: float, min: 0.8, max: 0.9, when: {later: 1}}
                  kind: {type: tensor}
                  steps: {type: int, max: 3}
                """;

        assertThatThrownBy(() -> StudySpecParser.parse(bad)).isInstanceOfSatisfying(InvalidSpecException.class,
                e -> assertThat(e.errors()).extracting(FieldError::toString).containsExactlyInAnyOrder(
                        "colour is not a known field (expected one of budget, constraints, earlyStopping, finalRefit, name, "
                                + "objective, objectives, searchSpace, strategy, trainer, warmStartFrom, workerPool)",
                        "name (bad name!) must match [A-Za-z_][A-Za-z0-9_.-]{0,63}",
                        "objective.direction (upward) must be one of maximize, minimize",
                        "searchSpace.neurons1.min (70) must be <= max (60)",
                        "searchSpace.rate.min (0.0) must be > 0 when log is true",
                        "searchSpace.opt.values[1] (adam) is a duplicate",
                        "searchSpace.gamma.when.later refers to no parameter declared before this one",
                        "searchSpace.kind.type (tensor) must be one of int, float, choice, boolean",
                        "searchSpace.steps.min is required",
                        "strategy.acquisition (xyz) must be one of pi, ei, ucb",
                        "strategy.xi (-1.0) must be in [0.0, 10.0]",
                        "budget.maxTrials (0) must be in [1, 100000]",
                        "budget.parallelism (2.5) must be an integer"));
    }

    @Test
    void refusesSpecsThatAreNotObjectsOrTooLarge() {
        assertThatThrownBy(() -> StudySpecParser.parse("- just\n- a list"))
                .hasMessage("spec must be an object");
        assertThatThrownBy(() -> StudySpecParser.parse("{\"name\": "))
                .hasMessageStartingWith("spec is not valid JSON or YAML");
        assertThatThrownBy(() -> StudySpecParser.parse("x".repeat(StudySpecParser.MAX_SPEC_BYTES + 1)))
                .hasMessageContaining("larger than the limit of 262144 bytes");
    }
}
