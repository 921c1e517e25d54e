package dev.hpo.trainer.model;

import dev.hpo.trainer.data.Standardizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network with the standardisation its inputs need, as a final refit produces it.
 *
 * @param network the fitted network
 * @param scaler  the standardisation fitted on the network's training rows
 */
public record TrainedModel(MultiLayerNetwork network, Standardizer scaler) {

    /**
     * Writes DL4J's model zip (configuration and weights, without updater state) with the scaler inside as a
     * {@code NormalizerStandardize}, so that {@code ModelSerializer.restoreMultiLayerNetwork} and
     * {@code ModelSerializer.restoreNormalizerFromFile} read both back.
     */
    public void save(Path file) throws IOException {
        // Not writeModel(..., normalizer): DL4J 1.0.0-M2.1 then flushes a CloseShieldOutputStream it closed, which
        // the commons-io of the Quarkus BOM (2.21) rejects ("flush() failed: stream is closed"); DL4J built on 2.7.
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelSerializer.writeModel(network, out, false);
        }
        ModelSerializer.addNormalizerToModel(file.toFile(),
                new NormalizerStandardize(row(scaler.mean()), row(scaler.std())));
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, values.length);
    }
}
