package dev.hpo.trainer.data;

/**
 * A table split and standardised, ready for training.
 *
 * @param train      standardised training rows (training + validation rows for a final refit)
 * @param validation standardised validation rows (none for a final refit)
 * @param test       standardised test rows (none when the split has no test part)
 * @param scaler     the standardisation, fitted on the training rows, to apply to future inputs
 */
public record PreparedData(Dataset train, Dataset validation, Dataset test, Standardizer scaler) {

    /**
     * For a final refit: the training and validation parts together (the development data) as the training rows,
     * the scaler fitted on them, no validation rows, and the test part.
     */
    public static PreparedData prepareForRefit(Dataset data, SplitSpec split) {
        Split parts = Splitter.split(data, split);
        Dataset development = parts.train().concat(parts.validation());
        Standardizer scaler = Standardizer.fit(development);
        return new PreparedData(scaler.apply(development), parts.validation().select(new int[0]),
                scaler.apply(parts.test()), scaler);
    }

    /** Splits the table, fits the scaler on the training part and applies it to all parts. */
    public static PreparedData prepare(Dataset data, SplitSpec split) {
        Split parts = Splitter.split(data, split);
        Standardizer scaler = Standardizer.fit(parts.train());
        return new PreparedData(scaler.apply(parts.train()), scaler.apply(parts.validation()),
                scaler.apply(parts.test()), scaler);
    }
}
