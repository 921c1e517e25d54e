package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;

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
    private final int rows;

    public ReferenceExperiment(int budget, int epochsMax, long seed, int parallelism, int rows) {
        this.budget = budget;
        this.epochsMax = epochsMax;
        this.seed = seed;
        this.parallelism = parallelism;
        this.rows = rows;
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

    private ObjectNode base(String name) {
        ObjectNode spec = Json.mapper().createObjectNode().put("name", name);
        spec.putObject("objective").put("metric", "val_recall").put("direction", "maximize");
        spec.put("workerPool", "dl4j");
        ObjectNode trainer = spec.putObject("trainer");
        trainer.putObject("dataset").put("type", "synthetic-fraud").put("rows", rows).put("features", 30)
                .put("positiveRate", 0.1).put("seed", 7);
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
