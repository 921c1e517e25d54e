package dev.hpo.trainer.training;

import dev.hpo.trainer.data.Dataset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits a network epoch by epoch: shuffled mini-batches, metrics on held-out (or, for a refit, development) rows after
 * each epoch, the listener, early stopping with restoration of the best epoch's weights, and prompt reaction to a stop
 * request.
 */
public final class TrainingLoop {

    /** Batches between two stop-request checks inside an epoch: about 10-30 ms of training at these sizes. */
    public static final int STOP_CHECK_INTERVAL = 16;

    /**
     * How the loop ended.
     *
     * @param metrics   {@code train_loss} and the evaluation metrics of the epoch whose weights the network now holds
     *                  (measured on those weights); empty when no epoch completed
     * @param epochs    epochs completed
     * @param keptEpoch the epoch whose weights the network holds (0 if none)
     * @param stopped   a stop request ended the loop
     * @param device    where the steps ran ({@link TrainingStep#device})
     */
    public record Result(Map<String, Double> metrics, int epochs, int keptEpoch, boolean stopped, String device) {
    }

    private final MultiLayerNetwork network;
    private final TrainingStep step;
    private final MiniBatches batches;
    private final INDArray evaluationFeatures;
    private final int[] evaluationLabels;
    private final String prefix;
    private final EarlyStopping earlyStopping;
    private final int epochs;

    /**
     * @param evaluation    rows scored after each epoch, standardised
     * @param prefix        prefix of the evaluation metrics: {@code val_}, or {@code dev_} for a refit
     * @param earlyStopping null to train all epochs
     * @param weightDecay   whether the network's DL4J score includes a weight-decay term to leave out of train_loss
     *                      (see {@link TrainingStep#of})
     * @param device        where the steps run
     */
    public TrainingLoop(MultiLayerNetwork network, MiniBatches batches, Dataset evaluation, String prefix,
                        EarlyStopping earlyStopping, int epochs, boolean weightDecay, TrainingDevice device) {
        this.network = network;
        this.step = device.step(network, weightDecay);
        this.batches = batches;
        this.evaluationFeatures = matrix(evaluation);
        this.evaluationLabels = evaluation.labels();
        this.prefix = prefix;
        this.earlyStopping = earlyStopping;
        this.epochs = epochs;
    }

    /**
     * Turns libnd4j's platform helpers (oneDNN) off for this process: on layers of tens of units their set-up costs
     * more than the arithmetic they replace (about a sixth of the training thread's CPU per epoch at batch 16,
     * alternating on and off within one JVM); DL4J falls back to its own kernels.
     */
    public static void preferPlainKernels() {
        Nd4j.getEnvironment().allowHelpers(false);
    }

    /** Trains; the network holds the kept epoch's parameters afterwards, wherever the steps ran. */
    public Result run(EpochListener listener, BooleanSupplier stopRequested) {
        try (step) {
            Result result = train(listener, stopRequested);
            step.syncNetwork();
            return result;
        }
    }

    private Result train(EpochListener listener, BooleanSupplier stopRequested) {
        boolean restore = earlyStopping != null && earlyStopping.restoreBestWeights();
        Map<String, Double> best = Map.of();
        Map<String, Double> last = Map.of();
        int bestEpoch = 0;
        int sinceBest = 0;
        INDArray bestParams = null;
        int completed = 0;
        boolean stopped = false;
        while (completed < epochs) {
            OptionalDouble trainLoss = stopRequested.getAsBoolean() ? OptionalDouble.empty()
                    : fitEpoch(step, batches, stopRequested);
            if (trainLoss.isEmpty()) {
                stopped = true;
                break;
            }
            completed++;
            last = evaluate(completed, trainLoss.getAsDouble());
            listener.onEpoch(completed, Collections.unmodifiableMap(last));
            boolean improved = earlyStopping == null || bestEpoch == 0
                    || earlyStopping.improves(last.get(earlyStopping.monitor()), best.get(earlyStopping.monitor()));
            if (improved) {
                best = last;
                bestEpoch = completed;
                sinceBest = 0;
                bestParams = restore ? bestParams(bestParams) : null;
            } else if (++sinceBest >= earlyStopping.patience()) {
                break;
            }
        }
        if (!restore) {
            return new Result(last, completed, completed, stopped, step.device());
        }
        if (bestEpoch != completed) {
            network.setParams(bestParams);
            step.reloadNetwork();
            // Measured again on the restored weights rather than copied, so the result reflects the network as it is.
            best = evaluate(bestEpoch, best.get("train_loss"));
        }
        return new Result(best, completed, bestEpoch, stopped, step.device());
    }

    /** A copy of the parameters trained so far, into the copy kept from an earlier epoch where there is one. */
    private INDArray bestParams(INDArray kept) {
        step.syncNetwork();
        return kept == null ? network.params().dup() : kept.assign(network.params());
    }

    /** One epoch of the step ({@link TrainingStep#fitEpoch}). */
    public static OptionalDouble fitEpoch(TrainingStep step, MiniBatches batches, BooleanSupplier stopRequested) {
        return step.fitEpoch(batches, stopRequested);
    }

    /** The network's probability of class 1 for each row. */
    public static double[] predict(MultiLayerNetwork network, INDArray features) {
        return network.output(features, false).toDoubleVector();
    }

    /** The rows as a float matrix. */
    public static INDArray matrix(Dataset data) {
        float[] values = new float[data.rows() * data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            double[] row = data.features()[i];
            for (int c = 0; c < row.length; c++) {
                values[i * row.length + c] = (float) row[c];
            }
        }
        return Nd4j.create(values, new long[] {data.rows(), data.columns()}, DataType.FLOAT);
    }

    private Map<String, Double> evaluate(int epoch, double trainLoss) {
        double[] probabilities = step.predict(evaluationFeatures);
        boolean finitePredictions = Arrays.stream(probabilities).allMatch(Double::isFinite);
        if (!finitePredictions || !Double.isFinite(trainLoss)) {
            throw new TrialException("training diverged in epoch " + epoch + " (train_loss " + trainLoss
                    + (finitePredictions ? "" : ", non-finite predictions") + "); a smaller learning_rate may help");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", trainLoss);
        metrics.putAll(BinaryMetrics.evaluate(prefix, evaluationLabels, probabilities));
        return metrics;
    }
}
