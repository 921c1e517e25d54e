package dev.hpo.trainer.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One trial to train: the hyperparameters chosen by the optimizer, the study's opaque trainer section and a seed.
 *
 * @param params  parameter name to value, as decoded from JSON (Integer, Long, Double, String or Boolean)
 * @param trainer the study's trainer section (dataset, model, split, earlyStopping, classWeights); null means all defaults
 * @param seed    seeds weight initialisation, dropout masks and the per-epoch shuffling
 */
public record TrialRequest(Map<String, Object> params, JsonNode trainer, long seed) {
}
