package dev.hpo.trainer.training;

import dev.hpo.trainer.data.Dataset;
import dev.hpo.trainer.data.Permutations;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training rows cut into shuffled mini-batches as ND4J arrays. The arrays are allocated once and refilled in
 * place at each {@link #shuffle()}, so an epoch allocates no native memory for its input (the hot path of a trial).
 */
public final class MiniBatches {

    private final float[] features;
    private final float[] labels;
    private final int columns;
    private final int batchSize;
    private final int[] order;
    private final Random random;
    private final INDArray[] featureBatches;
    private final INDArray[] labelBatches;
    private final float[][] featureBuffers;
    private final float[][] labelBuffers;

    /**
     * @param train     standardised training rows
     * @param batchSize rows per batch; the last batch holds the remainder
     * @param seed      seed of the per-epoch shuffles
     */
    public MiniBatches(Dataset train, int batchSize, long seed) {
        int rows = train.rows();
        this.columns = train.columns();
        this.batchSize = batchSize;
        this.features = new float[rows * columns];
        this.labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            double[] row = train.features()[i];
            for (int c = 0; c < columns; c++) {
                features[i * columns + c] = (float) row[c];
            }
            labels[i] = train.labels()[i];
        }
        this.order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        this.random = new Random(seed);
        int count = (rows + batchSize - 1) / batchSize;
        this.featureBatches = new INDArray[count];
        this.labelBatches = new INDArray[count];
        this.featureBuffers = new float[count][];
        this.labelBuffers = new float[count][];
        for (int b = 0; b < count; b++) {
            int size = size(b);
            featureBuffers[b] = new float[size * columns];
            labelBuffers[b] = new float[size];
            featureBatches[b] = Nd4j.createUninitialized(DataType.FLOAT, size, columns);
            labelBatches[b] = Nd4j.createUninitialized(DataType.FLOAT, size, 1);
        }
    }

    public int count() {
        return featureBatches.length;
    }

    public int rows() {
        return order.length;
    }

    /** Rows in batch {@code b}. */
    public int size(int b) {
        return Math.min(batchSize, order.length - b * batchSize);
    }

    public int batchSize() {
        return batchSize;
    }

    public int columns() {
        return columns;
    }

    /** Draws a new row order and refills every batch from it. */
    public void shuffle() {
        shuffleOrder();
        for (int b = 0; b < count(); b++) {
            int first = b * batchSize;
            int size = size(b);
            for (int r = 0; r < size; r++) {
                int row = order[first + r];
                System.arraycopy(features, row * columns, featureBuffers[b], r * columns, columns);
                labelBuffers[b][r] = labels[row];
            }
            featureBatches[b].data().setData(featureBuffers[b]);
            labelBatches[b].data().setData(labelBuffers[b]);
        }
    }

    /**
     * Draws a new row order, the one {@link #shuffle} would draw, without refilling the batches: for a step that
     * gathers the batches itself ({@link #order}, {@link #featureValues}).
     */
    public void shuffleOrder() {
        Permutations.shuffle(random, order);
    }

    /** The rows of the current order: batch b holds rows order[b * batchSize ..] (the array itself, not a copy). */
    public int[] order() {
        return order;
    }

    /** Every training row's features, row-major in the original order (the array itself, not a copy). */
    public float[] featureValues() {
        return features;
    }

    /** Every training row's label, in the original order (the array itself, not a copy). */
    public float[] labelValues() {
        return labels;
    }

    /** Features of batch {@code b}, rows x columns. */
    public INDArray features(int b) {
        return featureBatches[b];
    }

    /** Labels of batch {@code b}, rows x 1. */
    public INDArray labels(int b) {
        return labelBatches[b];
    }
}
