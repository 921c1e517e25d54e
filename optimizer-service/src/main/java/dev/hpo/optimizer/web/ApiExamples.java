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
