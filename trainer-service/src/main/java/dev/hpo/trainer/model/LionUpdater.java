package dev.hpo.trainer.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Applies one Lion step (see {@link Lion} for the formula): overwrites the gradient with {@code lr * sign(c)} and
 * advances the momentum, which lives in a view of DL4J's updater state array so that saving the network saves it.
 */
public class LionUpdater implements GradientUpdater<Lion> {

    /** Name of the momentum in the updater's state map. */
    public static final String M_STATE = "M";

    private final Lion config;
    private INDArray m;

    public LionUpdater(Lion config) {
        this.config = config;
    }

    @Override
    public Lion getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (stateMap.size() != 1 || !stateMap.containsKey(M_STATE)) {
            throw new IllegalStateException("Lion state must hold only key " + M_STATE + " but has " + stateMap.keySet());
        }
        this.m = stateMap.get(M_STATE);
        if (initialize) {
            m.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of(M_STATE, m);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (initialize) {
            viewArray.assign(0);
        }
        // The gradient arrives in the layer's parameter shape; a no-copy reshape keeps m a view of the state array.
        this.m = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (m == null) {
            throw new IllegalStateException("Could not reshape the Lion state view to the gradient's shape");
        }
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (m == null) {
            throw new IllegalStateException("Lion updater has no state: call setStateViewArray or setState first");
        }
        double lr = config.getLearningRate(iteration, epoch);
        double beta1 = config.getBeta1();
        double beta2 = config.getBeta2();
        INDArray c = m.mul(beta1);
        Nd4j.exec(new Axpy(gradient, c, c, 1 - beta1));
        m.muli(beta2);
        Nd4j.exec(new Axpy(gradient, m, m, 1 - beta2));
        gradient.assign(Transforms.sign(c, false).muli(lr));
    }
}
