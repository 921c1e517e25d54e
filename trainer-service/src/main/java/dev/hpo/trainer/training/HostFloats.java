package dev.hpo.trainer.training;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between float ND4J arrays in host memory and Java arrays, so that {@link FusedDenseStep} can run its
 * element-wise steps (ReLU, dropout masks, the loss) as Java loops.
 *
 * <p>Why hand-written: each of those steps is one ND4J operation costing 6-19 us on a 16 x 40 batch on this machine
 * (mostly building the native op context), where copying out, looping and copying back takes 0.2-0.3 us. The copies
 * read and write the arrays' memory directly, so they need ND4J's CPU backend (nd4j-native), whose arrays live in host
 * memory and whose operations run synchronously.
 */
final class HostFloats {

    private HostFloats() {
    }

    /** Whether ND4J's arrays live in host memory: the backend is nd4j-native. */
    static boolean inHostMemory() {
        return "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());
    }

    /** Copies the array's values, in row-major order, into {@code values}. */
    static void read(INDArray array, float[] values) {
        INDArray dense = denseRowMajor(array) ? array : array.dup('c');
        requireLength(dense, values);
        pointer(dense).get(values, 0, values.length);
    }

    /** Copies {@code values} into a dense row-major array, in place. */
    static void write(float[] values, INDArray array) {
        if (!denseRowMajor(array)) {
            throw new IllegalArgumentException("not a dense row-major float array: " + array.shapeInfoToString());
        }
        requireLength(array, values);
        pointer(array).put(values, 0, values.length);
    }

    /** The address of the array's first element (ND4J accounts a view's offset in its buffer's pointer). */
    static FloatPointer pointer(INDArray array) {
        return (FloatPointer) array.data().addressPointer();
    }

    /** Float values laid out densely in row-major order (a vector in either order). */
    private static boolean denseRowMajor(INDArray array) {
        return array.dataType() == DataType.FLOAT && (array.ordering() == 'c' || array.isVectorOrScalar())
                && array.elementWiseStride() == 1 && !array.isEmpty();
    }

    private static void requireLength(INDArray array, float[] values) {
        if (array.length() != values.length) {
            throw new IllegalArgumentException("array of " + array.length() + " values for " + values.length);
        }
    }
}
