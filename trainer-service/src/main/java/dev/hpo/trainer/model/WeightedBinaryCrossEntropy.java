package dev.hpo.trainer.model;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossUtil;

/**
 * Binary cross-entropy of a sigmoid output with per-class weights, computed from the logit z:
 * <pre>
 *   loss_i = w_i * (softplus(z_i) - y_i * z_i)      = -w_i * (y_i log p_i + (1 - y_i) log(1 - p_i)), p = sigmoid(z)
 *   dloss_i / dz_i = w_i * (p_i - y_i)
 *   w_i = y_i * positiveWeight + (1 - y_i) * negativeWeight
 * </pre>
 * DL4J averages it over the batch, which is Keras's {@code class_weight} (each example's loss times its class's
 * weight, then the batch mean). The score clips z to +-log((1 - 1e-7) / 1e-7), exactly Keras's clipping of p to
 * [1e-7, 1 - 1e-7]; the gradient is the exact logit gradient (as PyTorch's {@code BCEWithLogitsLoss}).
 *
 * <p>Why not DL4J's labels mask with {@code LossBinaryXENT}: a feed-forward output layer also multiplies its
 * pre-activations by the mask, so a mask of weights 5 and 0.5 changes the predictions themselves (checked: the score
 * came out 0.593 where the weighted loss is 1.209); the mask is only right for 0/1 values.
 */
public class WeightedBinaryCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;
    /** The logits are clipped to +-this before the loss, as Keras clips probabilities to [1e-7, 1 - 1e-7]. */
    public static final double LOGIT_CLIP = Math.log((1 - 1e-7) / 1e-7);

    private double negativeWeight;
    private double positiveWeight;

    /** Unweighted; for DL4J's JSON deserialisation. */
    public WeightedBinaryCrossEntropy() {
        this(1, 1);
    }

    public WeightedBinaryCrossEntropy(double negativeWeight, double positiveWeight) {
        this.negativeWeight = negativeWeight;
        this.positiveWeight = positiveWeight;
    }

    public double getNegativeWeight() {
        return negativeWeight;
    }

    public double getPositiveWeight() {
        return positiveWeight;
    }

    /**
     * The weighted sum (mean if {@code average}) as w0 * sum(loss) + (w1 - w0) * (y . loss): fewer ND4J operations
     * than weighing each example, and DL4J calls this once per mini-batch.
     */
    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum;
        if (mask != null) {
            sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        } else {
            INDArray losses = unweightedLosses(labels, preOutput, activationFn);
            sum = negativeWeight * losses.sumNumber().doubleValue()
                    + (positiveWeight - negativeWeight) * Nd4j.getBlasWrapper().dot(labels, losses);
        }
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray score = unweightedLosses(labels, preOutput, activationFn).muli(weights(labels));
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireSigmoid(activationFn);
        INDArray gradient = Nd4j.exec(new Sigmoid(preOutput, newLike(preOutput))).subi(labels);
        if (negativeWeight != positiveWeight) {
            gradient.muli(weights(labels));
        } else if (negativeWeight != 1) {
            gradient.muli(negativeWeight);
        }
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /**
     * The same loss and logit gradient on host copies, in one pass: returns the sum of loss_i over the batch and writes
     * dloss_i/dz_i into {@code gradient}, which may be {@code logits} itself. For a single output unit a batch is tens
     * of values, where the 12 native ND4J operations of {@link #computeScore} and {@link #computeGradient} cost far
     * more than the arithmetic (used by the trainer's fused training step).
     */
    public double scoreAndGradient(float[] labels, float[] logits, float[] gradient) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double y = labels[i];
            double z = logits[i];
            double weight = y * (positiveWeight - negativeWeight) + negativeWeight;
            double clipped = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, z));
            sum += weight * (softplus(clipped) - y * clipped);
            gradient[i] = (float) (weight * (1 / (1 + Math.exp(-z)) - y));
        }
        return sum;
    }

    /** log(1 + e^x) without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    public String name() {
        return toString();
    }

    /** softplus(z) - y z per example, z clipped as Keras clips p; each operation writes a new or its own array. */
    private static INDArray unweightedLosses(INDArray labels, INDArray preOutput, IActivation activationFn) {
        requireSigmoid(activationFn);
        INDArray z = Nd4j.exec(new ScalarMin(preOutput, null, newLike(preOutput), LOGIT_CLIP));
        Nd4j.exec(new ScalarMax(z, null, z, -LOGIT_CLIP));
        INDArray yz = labels.mul(z);
        return Nd4j.exec(new SoftPlus(z, z)).subi(yz);
    }

    private INDArray weights(INDArray labels) {
        return labels.mul(positiveWeight - negativeWeight).addi(negativeWeight);
    }

    private static INDArray newLike(INDArray array) {
        return Nd4j.createUninitialized(array.dataType(), array.shape(), array.ordering());
    }

    private static void requireSigmoid(IActivation activationFn) {
        if (!(activationFn instanceof ActivationSigmoid)) {
            throw new IllegalStateException("WeightedBinaryCrossEntropy needs a sigmoid output, not " + activationFn);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedBinaryCrossEntropy other
                && Double.compare(negativeWeight, other.negativeWeight) == 0
                && Double.compare(positiveWeight, other.positiveWeight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(negativeWeight, positiveWeight);
    }

    @Override
    public String toString() {
        return "WeightedBinaryCrossEntropy(negativeWeight=" + negativeWeight + ", positiveWeight=" + positiveWeight + ")";
    }
}
