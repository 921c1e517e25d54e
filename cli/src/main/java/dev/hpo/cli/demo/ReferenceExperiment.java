package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.OutcomeConstraint;
import java.util.List;

/**
 * The study specs of the reference experiment (DESIGN.md): the fraud-mlp net on the synthetic fraud data set,
 * tuned for validation recall over the reference search space.
 */
public final class ReferenceExperiment {

    /** Patience of early stopping on validation loss, as in the reference. */
    static final int PATIENCE = 10;

    private final int budget;
    private final int epochsMax;
    private final long seed;
    private final int parallelism;
    private final ObjectNode dataset;
    private final String objective;
    private final List<String> objectives;

    /**
     * @param dataset   the trainer's dataset section ({@link #synthetic} or a CSV file)
     * @param objective the validation metric to maximise
     */
    public ReferenceExperiment(int budget, int epochsMax, long seed, int parallelism, ObjectNode dataset,
                               String objective) {
        this(budget, epochsMax, seed, parallelism, dataset, List.of(objective));
    }

    /**
     * @param dataset    the trainer's dataset section ({@link #synthetic} or a CSV file)
     * @param objectives the validation metrics to maximise: one, or 2 to 4 for a multi-objective study searching
     *                   the Pareto set, each with hypervolume reference 0 (the worst a rate can be)
     */
    public ReferenceExperiment(int budget, int epochsMax, long seed, int parallelism, ObjectNode dataset,
                               List<String> objectives) {
        this.budget = budget;
        this.epochsMax = epochsMax;
        this.seed = seed;
        this.parallelism = parallelism;
        this.dataset = dataset;
        this.objective = objectives.get(0);
        this.objectives = List.copyOf(objectives);
    }

    /** The reference data set: synthetic, imbalanced (10% positives), 30 features. */
    public static ObjectNode synthetic(int rows) {
        return Json.mapper().createObjectNode().put("type", "synthetic-fraud").put("rows", rows).put("features", 30)
                .put("positiveRate", 0.1).put("seed", 7);
    }

    /** A user's CSV file with a binary label column. */
    public static ObjectNode csv(String path, String label) {
        return Json.mapper().createObjectNode().put("type", "csv").put("path", path).put("label", label);
    }

    /**
     * The grid study of the reference: Adam, learning rate {1e-3, 5e-4, 1e-4}, neurons {20, 30, 40} x
     * {20, 30, 40}, dropout {0.1, 0.15, 0.2} x {0.1, 0.15, 0.2}, batch {16, 32, 64}, epochs {50, 100} (scaled
     * by {@code --epochs-max}): 1,458 points. The reduced grid keeps the extremes of each axis but one
     * batch size and one epoch count: learning rate {1e-3, 1e-4}, neurons {20, 40} x {20, 40}, dropout
     * {0.1, 0.2} x {0.1, 0.2}, batch {32}, epochs {max}: 32 points.
     */
    public ObjectNode gridStudy(boolean full) {
        ObjectNode spec = base("fraud-recall-grid");
        spec.putObject("strategy").put("type", "grid").put("seed", seed);
        ObjectNode space = spec.putObject("searchSpace");
        choice(space, "optimizer", "adam");
        if (full) {
            numbers(space, "learning_rate", 1e-3, 5e-4, 1e-4);
            numbers(space, "neurons1", 20, 30, 40);
            numbers(space, "neurons2", 20, 30, 40);
            numbers(space, "dropout_rate1", 0.1, 0.15, 0.2);
            numbers(space, "dropout_rate2", 0.1, 0.15, 0.2);
            numbers(space, "batch_size", 16, 32, 64);
            numbers(space, "epochs", Math.max(1, epochsMax / 2), epochsMax);
        } else {
            numbers(space, "learning_rate", 1e-3, 1e-4);
            numbers(space, "neurons1", 20, 40);
            numbers(space, "neurons2", 20, 40);
            numbers(space, "dropout_rate1", 0.1, 0.2);
            numbers(space, "dropout_rate2", 0.1, 0.2);
            numbers(space, "batch_size", 32);
            numbers(space, "epochs", epochsMax);
        }
        int size = full ? 3 * 3 * 3 * 3 * 3 * 3 * 2 : 2 * 2 * 2 * 2 * 2;
        spec.putObject("budget").put("maxTrials", size).put("parallelism", parallelism);
        return spec;
    }

    private static void numbers(ObjectNode space, String name, double... values) {
        ArrayNode a = space.putObject(name).put("type", "choice").putArray("values");
        for (double v : values) {
            if (v == Math.rint(v)) {
                a.add((long) v);
            } else {
                a.add(v);
            }
        }
    }

    /** The Bayesian (or random) study over the reference space: neurons, dropout, optimizer and betas, rate, batch, epochs. */
    public ObjectNode searchStudy(String strategy) {
        ObjectNode spec = base("fraud-recall-" + strategy);
        ObjectNode s = spec.putObject("strategy").put("type", strategy).put("seed", seed);
        if ("bayesian".equals(strategy)) {
            s.put("acquisition", "ei").put("xi", 0.01);
        }
        ObjectNode space = spec.putObject("searchSpace");
        intParam(space, "neurons1", 20, 60, 10);
        intParam(space, "neurons2", 20, 60, 10);
        floatGrid(space, "dropout_rate1", 0.0, 0.5, 0.1);
        floatGrid(space, "dropout_rate2", 0.0, 0.5, 0.1);
        choice(space, "optimizer", "adam", "lion");
        conditional(space, "beta_1_adam", 0.85, 0.95, "adam");
        conditional(space, "beta_2_adam", 0.99, 0.9999, "adam");
        conditional(space, "beta_1_lion", 0.85, 0.95, "lion");
        conditional(space, "beta_2_lion", 0.95, 0.999, "lion");
        space.putObject("learning_rate").put("type", "float").put("min", 1e-4).put("max", 1e-2).put("log", true);
        ArrayNode batches = space.putObject("batch_size").put("type", "choice").putArray("values");
        batches.add(16).add(32).add(64);
        epochs(space);
        spec.putObject("budget").put("maxTrials", budget).put("parallelism", parallelism);
        return spec;
    }

    /** The same search as {@link #searchStudy} under outcome constraints, named {@code ...-constrained}. */
    public ObjectNode constrainedStudy(String strategy, List<OutcomeConstraint> constraints) {
        ObjectNode spec = searchStudy(strategy).put("name", "fraud-recall-" + strategy + "-constrained");
        ArrayNode list = spec.putArray("constraints");
        constraints.forEach(c -> list.add(ConstraintOption.json(c)));
        return spec;
    }

    private ObjectNode base(String name) {
        ObjectNode spec = Json.mapper().createObjectNode().put("name", name);
        if (objectives.size() > 1) {
            ArrayNode list = spec.putArray("objectives");
            objectives.forEach(o -> list.addObject().put("metric", o).put("direction", "maximize").put("reference", 0.0));
        } else {
            spec.putObject("objective").put("metric", objective).put("direction", "maximize");
        }
        spec.put("workerPool", "dl4j");
        ObjectNode trainer = spec.putObject("trainer");
        trainer.set("dataset", dataset.deepCopy());
        trainer.put("model", "fraud-mlp");
        trainer.putObject("split").put("validation", 0.2).put("test", 0.2).put("stratified", true).put("seed", 7);
        trainer.putObject("earlyStopping").put("monitor", "val_loss").put("patience", PATIENCE);
        trainer.put("classWeights", "balanced");
        return spec;
    }

    /**
     * Epochs 50..200 step 50 in the reference; {@code --epochs-max} scales that grid down to four steps of
     * {@code epochsMax / 4} (or every epoch up to a small maximum), so that a quick run keeps the same shape.
     */
    private void epochs(ObjectNode space) {
        if (epochsMax >= 200) {
            intParam(space, "epochs", 50, 200, 50);
        } else {
            int step = Math.max(1, epochsMax / 4);
            intParam(space, "epochs", step, epochsMax - (epochsMax % step), step);
        }
    }

    private static void intParam(ObjectNode space, String name, int min, int max, int step) {
        space.putObject(name).put("type", "int").put("min", min).put("max", max).put("step", step);
    }

    private static void floatGrid(ObjectNode space, String name, double min, double max, double step) {
        space.putObject(name).put("type", "float").put("min", min).put("max", max).put("step", step);
    }

    private static void choice(ObjectNode space, String name, String... values) {
        ArrayNode a = space.putObject(name).put("type", "choice").putArray("values");
        for (String v : values) {
            a.add(v);
        }
    }

    private static void conditional(ObjectNode space, String name, double min, double max, String optimizer) {
        space.putObject(name).put("type", "float").put("min", min).put("max", max).putObject("when")
                .put("optimizer", optimizer);
    }
}
