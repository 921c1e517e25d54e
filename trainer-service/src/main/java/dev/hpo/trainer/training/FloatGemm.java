package dev.hpo.trainer.training;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products of small float matrices, {@code c = op(a) op(b) + beta c}, straight through OpenBLAS's
 * {@code cblas_sgemm}, the routine ND4J's CPU backend itself links (nd4j-native's {@code CpuLevel3}).
 *
 * <p>Why hand-written: ND4J 1.0.0-M2.1 sends every product, {@code Nd4j.gemm} included, through its {@code matmul}
 * custom operation, which builds a native op context and shape buffers per call: 18-26 us per call on this machine
 * for a 16 x 30 by 30 x 40 product, where the BLAS call itself takes 1.6 us. A training step of a small dense network
 * makes 10 or more of them.
 *
 * <p>A matrix in 'f' order is read as the row-major transpose of its shape, so 'c' and 'f' arrays mix freely, as the
 * network's 'f'-order weights and gradient views need. Arrays that are not contiguous floats, and every product on a
 * backend other than nd4j-native, go through {@code Nd4j.gemm} instead. OpenBLAS's Java binding comes with
 * nd4j-native, which the {@code cuda} profile swaps out: hence a method handle found at run time rather than a
 * compile-time reference.
 */
final class FloatGemm {

    /** CBLAS's enum values (cblas.h: CblasRowMajor 101, CblasNoTrans 111, CblasTrans 112). */
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANSPOSE = 111;
    private static final int TRANSPOSE = 112;
    /** {@code openblas_nolapack.cblas_sgemm}, or null where nd4j-native is not the backend. */
    private static final MethodHandle SGEMM = openBlasSgemm();

    private FloatGemm() {
    }

    /** c = op(a) op(b) + beta c, op the transpose where asked. */
    static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double beta) {
        if (SGEMM == null || !plain(a) || !plain(b) || !plain(c)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, beta);
        } else if (c.ordering() == 'f') {
            // c in 'f' order is row-major c^T = op(b)^T op(a)^T
            rowMajor(b, !transposeB, a, !transposeA, c.size(1), c.size(0), c, beta);
        } else {
            rowMajor(a, transposeA, b, transposeB, c.size(0), c.size(1), c, beta);
        }
    }

    /** Row-major c (m x n) = op(a) op(b) + beta c. */
    private static void rowMajor(INDArray a, boolean transposeA, INDArray b, boolean transposeB, long m, long n,
                                 INDArray c, double beta) {
        long k = transposeA ? a.size(0) : a.size(1);
        try {
            SGEMM.invokeExact(ROW_MAJOR, operation(a, transposeA), operation(b, transposeB), (int) m, (int) n, (int) k,
                    1f, HostFloats.pointer(a), leadingDimension(a), HostFloats.pointer(b), leadingDimension(b),
                    (float) beta, HostFloats.pointer(c), (int) n);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
    }

    private static MethodHandle openBlasSgemm() {
        if (!HostFloats.inHostMemory()) {
            return null;
        }
        try {
            Class<?> openBlas = Class.forName("org.bytedeco.openblas.global.openblas_nolapack");
            return MethodHandles.publicLookup().findStatic(openBlas, "cblas_sgemm", MethodType.methodType(void.class,
                    int.class, int.class, int.class, int.class, int.class, int.class, float.class, FloatPointer.class,
                    int.class, FloatPointer.class, int.class, float.class, FloatPointer.class, int.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static int operation(INDArray x, boolean transpose) {
        return transpose ^ (x.ordering() == 'f') ? TRANSPOSE : NO_TRANSPOSE;
    }

    private static int leadingDimension(INDArray x) {
        return (int) (x.ordering() == 'c' ? x.size(1) : x.size(0));
    }

    /** A float matrix laid out densely in its order (the stride of a dimension of size 1 does not matter). */
    private static boolean plain(INDArray x) {
        if (x.rank() != 2 || x.dataType() != DataType.FLOAT) {
            return false;
        }
        int inner = x.ordering() == 'c' ? 1 : 0;
        int outer = 1 - inner;
        return (x.size(inner) == 1 || x.stride(inner) == 1) && (x.size(outer) == 1 || x.stride(outer) == x.size(inner));
    }
}
