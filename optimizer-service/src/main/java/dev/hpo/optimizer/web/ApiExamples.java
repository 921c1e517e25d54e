package dev.hpo.optimizer.web;

/** Examples of the REST API's requests and answers, for the OpenAPI document at {@code /q/openapi}. */
public final class ApiExamples {

    /** A study spec as YAML: the reference experiment, cut down. */
    public static final String SPEC_YAML = """
            name: fraud-recall
            objective: {metric: val_recall, direction: maximize}
            strategy: {type: bayesian, acquisition: ei, xi: 0.01, initialPoints: 10, seed: 42}
            budget: {maxTrials: 30, parallelism: 2}
            workerPool: dl4j
            searchSpace:
              neurons1:      {type: int, min: 20, max: 60, step: 10}
              dropout_rate1: {type: float, min: 0.0, max: 0.5, step: 0.1}
              optimizer:     {type: choice, values: [adam, lion]}
              beta_1_lion:   {type: float, min: 0.85, max: 0.99, when: {optimizer: lion}}
              learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
            trainer:
              dataset: {type: synthetic-fraud, rows: 10000, features: 30, positiveRate: 0.1, seed: 7}
              model: fraud-mlp
            """;

    /** The same spec as JSON. */
    public static final String SPEC_JSON = """
            {"name": "fraud-recall", "objective": {"metric": "val_recall", "direction": "maximize"},
             "strategy": {"type": "grid"}, "budget": {"maxTrials": 12, "parallelism": 2},
             "searchSpace": {"neurons1": {"type": "int", "min": 20, "max": 60, "step": 20},
                             "optimizer": {"type": "choice", "values": ["adam", "lion"]}},
             "trainer": {"dataset": {"type": "synthetic-fraud", "rows": 10000}, "model": "fraud-mlp"}}""";

    /**
     * A multi-objective spec with an outcome constraint: the Pareto set of recall and precision among the trials
     * whose precision is at least 0.4.
     */
    public static final String SPEC_PARETO_YAML = """
            name: recall-and-precision
            objectives:
              - {metric: val_recall, direction: maximize}
              - {metric: val_precision, direction: maximize, reference: 0.0}
            constraints: [{metric: val_precision, min: 0.4}]
            strategy: {type: bayesian, seed: 42}
            budget: {maxTrials: 12, parallelism: 2}
            # The final refit trains the Pareto set's trial nearest the ideal point; to refit the
            # one with the best precision instead:
            # finalRefit: {select: val_precision}
            searchSpace:
              neurons1:   {type: int, min: 20, max: 60, step: 20}
              batch_size: {type: choice, values: [16, 32, 64]}
              epochs:     {type: int, min: 50, max: 200, step: 50}
            trainer: {dataset: {type: synthetic-fraud, rows: 10000}, model: fraud-mlp}
            """;

    /** A completed trial. */
    public static final String TRIAL = """
            {"trialId": "fraud-recall-3f2a9c1e.t4", "number": 4, "attempt": 1, "status": "COMPLETED",
             "params": {"neurons1": 40, "dropout_rate1": 0.1, "optimizer": "lion", "beta_1_lion": 0.9,
                        "learning_rate": 0.0012},
             "metrics": {"val_recall": 0.9123, "val_precision": 0.4211, "val_accuracy": 0.8712, "val_auc": 0.9401,
                         "val_f1": 0.5762, "train_loss": 0.2934},
             "objective": 0.9123, "epochs": 37, "durationMs": 18250, "worker": "trainer-1", "device": "cpu",
             "error": null, "artifact": null, "issuedAt": "2026-11-27T20:01:12Z", "startedAt": "2026-11-27T20:01:13Z",
             "finishedAt": "2026-11-27T20:01:31Z", "curve": [{"train_loss": 0.61, "val_loss": 0.55, "val_recall": 0.71}]}""";

    /** A completed trial of the multi-objective study: within its constraint and in its Pareto set. */
    public static final String PARETO_TRIAL = """
            {"trialId": "recall-precision-7c1d2e3f.t7", "number": 7, "attempt": 1, "status": "COMPLETED",
             "params": {"neurons1": 40, "batch_size": 32, "epochs": 100},
             "metrics": {"val_recall": 0.84, "val_precision": 0.58, "val_accuracy": 0.9012, "best_epoch": 61},
             "objective": 0.84, "epochs": 71, "durationMs": 16420, "worker": "trainer-2", "device": "cpu",
             "error": null, "artifact": null, "feasible": true, "pareto": true}""";

    /** What a multi-objective study's view and report add: the objectives, the Pareto set and the best's choice. */
    private static final String PARETO_FIELDS = """
             "objectives": [{"metric": "val_recall", "direction": "maximize", "reference": 0.0},
                            {"metric": "val_precision", "direction": "maximize", "reference": 0.0}],
             "paretoSet": [
               {"trialId": "recall-precision-7c1d2e3f.t3", "number": 3, "params": {"neurons1": 60, "batch_size": 16},
                "values": {"val_recall": 0.91, "val_precision": 0.44}},
               {"trialId": "recall-precision-7c1d2e3f.t7", "number": 7, "params": {"neurons1": 40, "batch_size": 32},
                "values": {"val_recall": 0.84, "val_precision": 0.58}},
               {"trialId": "recall-precision-7c1d2e3f.t9", "number": 9, "params": {"neurons1": 20, "batch_size": 64},
                "values": {"val_recall": 0.72, "val_precision": 0.66}}],
             "hypervolume": 0.5756,
             "bestChoice": {"trialId": "recall-precision-7c1d2e3f.t7", "number": 7, "rule": "ideal", "metric": null,
                            "ideal": {"val_recall": 0.91, "val_precision": 0.66}, "distance": 0.5177,
                            "reason": "trial 7: nearest of the Pareto set's 3 trials to the ideal point \
            (val_recall 0.9100, val_precision 0.6600), each objective scaled to [0, 1] over the set: distance 0.5177"},
             "best": {"trialId": "recall-precision-7c1d2e3f.t7", "number": 7, "status": "COMPLETED",
                      "objective": 0.84, "metrics": {"val_recall": 0.84, "val_precision": 0.58}, "feasible": true},
             "refit": {"trialId": "recall-precision-7c1d2e3f.refit", "number": 12, "status": "COMPLETED",
                       "metrics": {"test_recall": 0.8213, "test_precision": 0.5630},
                       "artifact": "/artifacts/recall-precision-7c1d2e3f/model.zip"},""";

    /**
     * The multi-objective study, finished: its feasible trials counted, its Pareto set, and which member is the best
     * trial that the final refit trained, and why.
     */
    public static final String PARETO_STUDY = """
            {"id": "recall-precision-7c1d2e3f", "name": "recall-and-precision", "status": "FINISHED",
             "strategy": "bayesian", "objective": "val_recall", "direction": "maximize", "maxTrials": 12,
             "gridSize": null,
             "counts": {"total": 12, "queued": 0, "running": 0, "completed": 11, "failed": 1, "pruned": 0,
                        "feasible": 9},
             "constraints": ["val_precision >= 0.4"],""" + PARETO_FIELDS + """
             "createdAt": "2026-11-28T09:00:02Z", "endedAt": "2026-11-28T09:03:11Z",
             "endReason": "budget of 12 trials spent; final refit completed",
             "spec": {"name": "recall-and-precision", "finalRefit": true}}""";

    /** The multi-objective study's report: the hypervolume after each completed trial, besides the Pareto set. */
    public static final String PARETO_REPORT = """
            {"studyId": "recall-precision-7c1d2e3f", "name": "recall-and-precision", "strategy": "bayesian",
             "status": "FINISHED", "objective": "val_recall", "direction": "maximize", "maxTrials": 12,
             "gridSize": null, "trialsRun": 12, "completed": 11, "failed": 1, "wallTimeSeconds": 189.2,
             "totalEpochs": 602,""" + PARETO_FIELDS + """
             "bestSoFar": [{"trials": 1, "number": 0, "elapsedSeconds": 16.1, "value": 0.69, "best": 0.69,
                            "feasible": true}],
             "hypervolumeSoFar": [{"trials": 1, "number": 0, "elapsedSeconds": 16.1, "hypervolume": 0.3105},
                                  {"trials": 12, "number": 11, "elapsedSeconds": 181.9, "hypervolume": 0.5756}]}""";

    /** A running study. */
    public static final String STUDY = """
            {"id": "fraud-recall-3f2a9c1e", "name": "fraud-recall", "status": "RUNNING", "strategy": "bayesian",
             "objective": "val_recall", "direction": "maximize", "maxTrials": 30, "gridSize": null,
             "counts": {"total": 7, "queued": 0, "running": 2, "completed": 5, "failed": 0, "pruned": 0},
             "best": {"trialId": "fraud-recall-3f2a9c1e.t4", "number": 4, "status": "COMPLETED", "objective": 0.9123,
                      "params": {"neurons1": 40, "optimizer": "lion"}, "metrics": {"val_recall": 0.9123}},
             "refit": null, "createdAt": "2026-11-27T20:00:58Z", "endedAt": null, "endReason": null,
             "spec": {"name": "fraud-recall", "objective": {"metric": "val_recall", "direction": "maximize"}}}""";

    /** A finished study's report. */
    public static final String REPORT = """
            {"studyId": "fraud-recall-3f2a9c1e", "name": "fraud-recall", "strategy": "bayesian", "status": "FINISHED",
             "objective": "val_recall", "direction": "maximize", "maxTrials": 30, "gridSize": null, "trialsRun": 30,
             "completed": 29, "failed": 1, "wallTimeSeconds": 412.7, "totalEpochs": 1184,
             "best": {"trialId": "fraud-recall-3f2a9c1e.t17", "number": 17, "objective": 0.9412},
             "refit": {"trialId": "fraud-recall-3f2a9c1e.refit", "number": 30, "status": "COMPLETED",
                       "metrics": {"test_recall": 0.9204, "test_precision": 0.4371, "test_accuracy": 0.8815},
                       "artifact": "/artifacts/fraud-recall-3f2a9c1e/model.zip"},
             "bestSoFar": [{"trials": 1, "number": 1, "elapsedSeconds": 14.2, "value": 0.7811, "best": 0.7811}]}""";

    /** A refused spec: every problem, each naming its field and value. */
    public static final String INVALID_SPEC = """
            {"message": "invalid study spec: 2 problem(s)",
             "errors": [{"field": "searchSpace.neurons1.min", "value": 70,
                         "message": "searchSpace.neurons1.min (70) must be <= max (60)"},
                        {"field": "budget.maxTrials", "value": 0,
                         "message": "budget.maxTrials (0) must be in [1, 100000]"}]}""";

    /** An unknown study id. */
    public static final String NOT_FOUND = """
            {"message": "unknown study nope-12345678", "errors": []}""";

    /** A write refused by hpo.api.auth. */
    public static final String UNAUTHORIZED = """
            {"message": "missing bearer token", "errors": []}""";

    private ApiExamples() {
    }
}
