package dev.hpo.trainer.training;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's inverted {@link Dropout} on preallocated arrays, the arithmetic of {@code Dropout.applyDropout} and
 * {@code backprop}: a mask holding 1/p (kept, probability p, DL4J's RETAIN probability) or 0 drawn by ND4J's
 * {@code DropOutInverted} from ND4J's random generator, output = input * mask, dL/d(input) = dL/d(output) * mask. The
 * mask is drawn from a constant array of ones into its own array, one native operation where DL4J fills the mask
 * with ones first (the generator advances the same); the products run on host copies ({@link HostFloats}).
 */
final class FusedDropout implements FusedStage {

    private final Dropout dropout;
    private final INDArray ones;
    private final INDArray mask;
    private final INDArray output;
    private final float[] maskValues;
    private final float[] scratch;

    FusedDropout(Dropout dropout, DataType type, long rows, long width) {
        this.dropout = dropout;
        this.ones = Nd4j.ones(type, rows, width);
        this.mask = Nd4j.createUninitialized(type, rows, width);
        this.output = Nd4j.createUninitialized(type, rows, width);
        this.maskValues = new float[(int) (rows * width)];
        this.scratch = new float[maskValues.length];
    }

    @Override
    public INDArray forward(INDArray input, int iteration, int epoch) {
        double p = dropout.getPSchedule() == null ? dropout.getP() : dropout.getPSchedule().valueAt(iteration, epoch);
        Nd4j.exec(new DropOutInverted(ones, mask, p));
        HostFloats.read(mask, maskValues);
        return masked(input, output);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return masked(outputGradient, outputGradient);
    }

    /** Writes values * mask into {@code into} and returns it. */
    private INDArray masked(INDArray values, INDArray into) {
        HostFloats.read(values, scratch);
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] *= maskValues[i];
        }
        HostFloats.write(scratch, into);
        return into;
    }

    /** The mask of the last forward pass: 1/p where kept, 0 where dropped. */
    INDArray mask() {
        return mask;
    }
}
