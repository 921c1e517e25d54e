package dev.hpo.trainer.data;

/**
 * A table cut into disjoint parts.
 *
 * @param train      rows to fit on
 * @param validation rows for per-epoch metrics and early stopping
 * @param test       held-out rows (no rows when the split has no test part)
 */
public record Split(Dataset train, Dataset validation, Dataset test) {
}
