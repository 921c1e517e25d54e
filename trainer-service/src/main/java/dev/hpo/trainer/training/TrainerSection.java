package dev.hpo.trainer.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.trainer.data.CsvSpec;
import dev.hpo.trainer.data.DatasetSpec;
import dev.hpo.trainer.data.SplitSpec;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import dev.hpo.trainer.model.ModelTemplate;
import java.nio.file.Path;
import java.util.Set;

/**
 * The study's trainer section, read and validated; every absent key takes its default.
 *
 * @param dataset       {@code dataset}: synthetic-fraud (default) or csv
 * @param split         {@code split}: validation 0.2, test 0.2, stratified, seed 7 by default
 * @param model         {@code model}: a preset name (fraud-mlp, the default) or a layer template
 * @param earlyStopping {@code earlyStopping}: null (absent) means train all epochs
 * @param classWeights  {@code classWeights}: "none" (default), "balanced" or {"0": w0, "1": w1}
 * @param executions    {@code executionsPerTrial}, added by the optimizer: trainings with distinct seeds to average
 * @param refit         {@code refit}, added by the optimizer for the final refit: train on the training and
 *                      validation rows, report {@code dev_*} and {@code test_*}, and return the model
 *
 * <p>Keys read by the worker, not here: {@code seed} (added by the optimizer; the worker passes it as the request's
 * seed), {@code timeLimitSeconds} and {@code faults} (tests only, see the worker's Faults).
 */
public record TrainerSection(DatasetSpec dataset, SplitSpec split, ModelTemplate model, EarlyStopping earlyStopping,
                             ClassWeights classWeights, int executions, boolean refit) {

    private static final String PATH = "trainer";
    private static final int MAX_EXECUTIONS = 100;

    public TrainerSection {
        if (executions < 1 || executions > MAX_EXECUTIONS) {
            throw new TrialException(PATH + ".executionsPerTrial (" + executions + ") must be between 1 and "
                    + MAX_EXECUTIONS);
        }
        if (refit && split.test() == 0) {
            throw new TrialException(PATH + ".refit needs a test part to evaluate on: " + PATH + ".split.test (0.0)"
                    + " must be > 0");
        }
    }

    public static TrainerSection parse(JsonNode trainer) {
        SectionReader section = new SectionReader(trainer, PATH, Set.of("dataset", "split", "model", "earlyStopping",
                "classWeights", "seed", "executionsPerTrial", "refit", "timeLimitSeconds", "faults"));
        section.longInteger("seed", 0); // only validated: the worker passes it as the request's seed
        return new TrainerSection(dataset(section.get("dataset")), split(section.get("split")),
                ModelTemplate.fromJson(section.get("model")),
                section.has("earlyStopping") ? earlyStopping(section.get("earlyStopping")) : null,
                classWeights(section.get("classWeights")), section.integer("executionsPerTrial", 1),
                section.bool("refit", false));
    }

    private static DatasetSpec dataset(JsonNode node) {
        String type = new SectionReader(node, PATH + ".dataset", Set.of("type", "rows", "features", "positiveRate",
                "seed", "informative", "redundant", "clustersPerClass", "classSep", "flipY", "path", "label"))
                .text("type", SyntheticFraudSpec.TYPE);
        return switch (type) {
            case SyntheticFraudSpec.TYPE -> syntheticFraud(node);
            case CsvSpec.TYPE -> {
                SectionReader csv = new SectionReader(node, PATH + ".dataset", Set.of("type", "path", "label"));
                if (!csv.has("path")) {
                    throw new TrialException(csv.path("path") + " is required for a csv dataset");
                }
                yield new CsvSpec(Path.of(csv.text("path", null)), csv.text("label", CsvSpec.DEFAULT_LABEL));
            }
            default -> throw new TrialException(PATH + ".dataset.type (" + type + ") must be one of "
                    + SyntheticFraudSpec.TYPE + ", " + CsvSpec.TYPE);
        };
    }

    private static SyntheticFraudSpec syntheticFraud(JsonNode node) {
        SectionReader spec = new SectionReader(node, PATH + ".dataset", Set.of("type", "rows", "features",
                "positiveRate", "seed", "informative", "redundant", "clustersPerClass", "classSep", "flipY"));
        int features = spec.integer("features", SyntheticFraudSpec.DEFAULT_FEATURES);
        int informative = spec.integer("informative", SyntheticFraudSpec.defaultInformative(features));
        return new SyntheticFraudSpec(spec.integer("rows", SyntheticFraudSpec.DEFAULT_ROWS), features,
                spec.number("positiveRate", SyntheticFraudSpec.DEFAULT_POSITIVE_RATE),
                spec.longInteger("seed", SyntheticFraudSpec.DEFAULT_SEED), informative,
                spec.integer("redundant", SyntheticFraudSpec.defaultRedundant(features, informative)),
                spec.integer("clustersPerClass", SyntheticFraudSpec.DEFAULT_CLUSTERS_PER_CLASS),
                spec.number("classSep", SyntheticFraudSpec.DEFAULT_CLASS_SEP),
                spec.number("flipY", SyntheticFraudSpec.DEFAULT_FLIP_Y));
    }

    private static SplitSpec split(JsonNode node) {
        SectionReader split = new SectionReader(node, PATH + ".split", Set.of("validation", "test", "stratified", "seed"));
        return new SplitSpec(split.number("validation", SplitSpec.DEFAULT_VALIDATION),
                split.number("test", SplitSpec.DEFAULT_TEST), split.bool("stratified", true),
                split.longInteger("seed", SplitSpec.DEFAULT_SEED));
    }

    private static EarlyStopping earlyStopping(JsonNode node) {
        SectionReader stopping = new SectionReader(node, PATH + ".earlyStopping",
                Set.of("monitor", "patience", "minDelta", "restoreBestWeights"));
        return new EarlyStopping(stopping.text("monitor", EarlyStopping.DEFAULT_MONITOR),
                stopping.integer("patience", EarlyStopping.DEFAULT_PATIENCE), stopping.number("minDelta", 0),
                stopping.bool("restoreBestWeights", true));
    }

    private static ClassWeights classWeights(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ClassWeights.NONE;
        }
        if (node.isTextual() && node.asText().equals("none")) {
            return ClassWeights.NONE;
        }
        if (node.isTextual() && node.asText().equals("balanced")) {
            return ClassWeights.BALANCED;
        }
        if (node.isObject()) {
            SectionReader weights = new SectionReader(node, PATH + ".classWeights", Set.of("0", "1"));
            return new ClassWeights(false, weights.number("0", 1), weights.number("1", 1));
        }
        throw new TrialException(PATH + ".classWeights (" + node + ") must be \"none\", \"balanced\" or"
                + " {\"0\": weight, \"1\": weight}");
    }
}
