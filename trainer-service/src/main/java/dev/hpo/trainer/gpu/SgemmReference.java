package dev.hpo.trainer.gpu;

import static dev.hpo.trainer.gpu.Cuda.checkBlas;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The rate cuBLAS's sgemm reaches on the products of one training step of a dense network, measured alone: the
 * ceiling of the GPU step, which adds the element-wise kernels and the updater to the same products.
 */
public final class SgemmReference {

    private SgemmReference() {
    }

    /**
     * Floating-point operations of one step's products on a batch of {@code rows}: per layer of inputs x outputs,
     * 2 rows inputs outputs each for the forward x W, the weight gradient x^T dz and, but for the first layer, the
     * input gradient dz W^T.
     *
     * @param widths the layer widths, features first, e.g. 256, 1024, 1024, 1024, 1
     */
    public static long productFlops(int rows, int[] widths) {
        long flops = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            flops += 2L * rows * widths[i] * widths[i + 1] * (i > 0 ? 3 : 2);
        }
        return flops;
    }

    /** GFLOP/s of sgemm over those products, {@code repeats} times after one warm-up pass. */
    public static double gflops(CudaContext cuda, int rows, int[] widths, int repeats) {
        cuda.makeCurrent();
        int widest = 0;
        long weights = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            widest = Math.max(widest, Math.max(widths[i], widths[i + 1]));
            weights = Math.max(weights, (long) widths[i] * widths[i + 1]);
        }
        try (FloatPointer one = new FloatPointer(1f); FloatPointer zero = new FloatPointer(0f);
             DeviceArray a = DeviceArray.floats((long) rows * widest); DeviceArray b = DeviceArray.floats(
                     (long) rows * widest); DeviceArray w = DeviceArray.floats(weights)) {
            a.zero();
            b.zero();
            w.zero();
            products(cuda, rows, widths, one, zero, a, b, w);
            cuda.synchronize();
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                products(cuda, rows, widths, one, zero, a, b, w);
            }
            cuda.synchronize();
            double seconds = (System.nanoTime() - start) / 1e9;
            return productFlops(rows, widths) * (double) repeats / seconds / 1e9;
        }
    }

    private static void products(CudaContext cuda, int rows, int[] widths, FloatPointer one, FloatPointer zero,
                                 DeviceArray a, DeviceArray b, DeviceArray w) {
        for (int i = 0; i + 1 < widths.length; i++) {
            int in = widths[i];
            int out = widths[i + 1];
            checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_N, CUBLAS_OP_N, rows, out, in, one, a.floatsAt(0), rows,
                    w.floatsAt(0), in, zero, b.floatsAt(0), rows), "cublasSgemm(forward)");
            checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_T, CUBLAS_OP_N, in, out, rows, one, a.floatsAt(0), rows,
                    b.floatsAt(0), rows, zero, w.floatsAt(0), in), "cublasSgemm(weight gradient)");
            if (i > 0) {
                checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_N, CUBLAS_OP_T, rows, in, out, one, b.floatsAt(0),
                        rows, w.floatsAt(0), in, zero, a.floatsAt(0), rows), "cublasSgemm(input gradient)");
            }
        }
    }
}
