package dev.hpo.trainer.model;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Configuration of the Lion optimizer (EvoLved Sign Momentum; Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms", arXiv:2302.06675, Algorithm 2) for DL4J, applied by {@link LionUpdater}:
 * <pre>
 *   c      = beta1 * m + (1 - beta1) * g      (interpolated momentum, g the gradient)
 *   update = lr * sign(c)                     (the network then does w -= update)
 *   m      = beta2 * m + (1 - beta2) * g      (momentum, the only state)
 * </pre>
 * The paper's decoupled weight decay ({@code + lr * lambda * w} in the update) is not here because a DL4J updater
 * never sees the weights; {@link NetworkBuilder} adds it through DL4J's {@code WeightDecay(lambda, applyLR=true)},
 * which adds exactly {@code lr * lambda * w} to the update after the updater ran.
 *
 * <p>A bean (public no-argument constructor, getters and setters) so that DL4J's JSON configuration and
 * {@code ModelSerializer} round trips restore it.
 */
public class Lion implements IUpdater {

    private static final long serialVersionUID = 1L;

    /** Keras's default ({@code keras.optimizers.Lion}); the paper advises 3-10x below AdamW's rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** The paper's defaults (section 5), also optax's and Keras's. */
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.99;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double beta1;
    private double beta2;

    public Lion() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2);
    }

    public Lion(double learningRate, double beta1, double beta2) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    /** One momentum value per parameter. */
    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        LionUpdater updater = new LionUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        LionUpdater updater = new LionUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public Lion clone() {
        Lion copy = new Lion(learningRate, beta1, beta2);
        copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
        return copy;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public void setLearningRateSchedule(ISchedule learningRateSchedule) {
        this.learningRateSchedule = learningRateSchedule;
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = beta1;
    }

    public double getBeta2() {
        return beta2;
    }

    public void setBeta2(double beta2) {
        this.beta2 = beta2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lion other
                && Double.compare(learningRate, other.learningRate) == 0
                && Double.compare(beta1, other.beta1) == 0
                && Double.compare(beta2, other.beta2) == 0
                && Objects.equals(learningRateSchedule, other.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, beta1, beta2);
    }

    @Override
    public String toString() {
        return "Lion(learningRate=" + learningRate + ", learningRateSchedule=" + learningRateSchedule + ", beta1="
                + beta1 + ", beta2=" + beta2 + ")";
    }
}
