package dev.hpo.trainer.data;

/** Where a trial's data comes from: the {@code dataset} entry of the trainer section. */
public sealed interface DatasetSpec permits SyntheticFraudSpec, CsvSpec {

    /** Loads or generates the whole table. */
    Dataset load();

    /** Changes when the underlying data changes although the spec does not (a rewritten file); part of the cache key. */
    String contentVersion();
}
