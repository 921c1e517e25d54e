package dev.hpo.trainer.gpu;

import static dev.hpo.trainer.gpu.Cuda.check;
import static dev.hpo.trainer.gpu.Cuda.checkBlas;
import static dev.hpo.trainer.gpu.Cuda.checkNvrtc;
import static org.bytedeco.cuda.global.cublas.CUBLAS_DEFAULT_MATH;
import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasDestroy_v2;
import static org.bytedeco.cuda.global.cublas.cublasSetMathMode;
import static org.bytedeco.cuda.global.cudart.cuCtxSetCurrent;
import static org.bytedeco.cuda.global.cudart.cuCtxSynchronize;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxReset;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRetain;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetNumSupportedArchs;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTX;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTXSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetSupportedArchs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The GPU a trainer trains on: the device's primary context (the one the CUDA runtime and cuBLAS share), a cuBLAS
 * handle, and the step's kernels ({@code dense-step.cu}) compiled by NVRTC for the device's own architecture. One per
 * process; used by one thread at a time (the trial's), which {@link #makeCurrent} binds.
 */
public final class CudaContext {

    static final String KERNEL_SOURCE = "dense-step.cu";

    private final CudaDevice device;
    private CUctx_st context;
    private cublasContext blas;
    private CUmod_st module;
    private final Map<String, CUfunc_st> functions = new HashMap<>();
    /** How the kernels were built: "sm_90 SASS" or, on a GPU newer than NVRTC knows, "compute_XX PTX". */
    private String build;

    private CudaContext(CudaDevice device) {
        this.device = device;
    }

    /** Opens the device and compiles the kernels; a failure (a driver, library or compiler error) throws. */
    public static CudaContext open(CudaDevice device) {
        CudaContext cuda = new CudaContext(device);
        cuda.start();
        return cuda;
    }

    public CudaDevice device() {
        return device;
    }

    /** How the kernels were compiled, for the start-up log line. */
    public String build() {
        return build;
    }

    /** Binds the device's context to the calling thread (driver API calls act on the thread's current context). */
    void makeCurrent() {
        check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    cublasContext blas() {
        return blas;
    }

    /** The kernel {@code name} of {@code dense-step.cu} as a call site with {@code argumentCount} arguments. */
    Kernel kernel(String name, int argumentCount) {
        CUfunc_st function = functions.computeIfAbsent(name, n -> {
            CUfunc_st f = new CUfunc_st();
            check(cuModuleGetFunction(f, module, n), "cuModuleGetFunction(" + n + ")");
            return f;
        });
        return new Kernel(function, name, argumentCount);
    }

    /** Waits for every queued operation; an error of an earlier asynchronous launch surfaces here. */
    void synchronize() {
        check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /**
     * After a CUDA error: destroys the primary context (every allocation and module of it goes) and opens it afresh,
     * so that the next trial starts on a clean device. An error that leaves the device unusable throws here.
     */
    public synchronized void reset() {
        functions.clear();
        if (blas != null) {
            cublasDestroy_v2(blas);
        }
        check(cuDevicePrimaryCtxReset(device.ordinal()), "cuDevicePrimaryCtxReset");
        start();
    }

    private void start() {
        context = new CUctx_st();
        check(cuDevicePrimaryCtxRetain(context, device.ordinal()), "cuDevicePrimaryCtxRetain");
        makeCurrent();
        blas = new cublasContext();
        checkBlas(cublasCreate_v2(blas), "cublasCreate");
        // Plain FP32 products (no TF32 tensor-core rounding), so that the GPU step computes what the CPU step does.
        checkBlas(cublasSetMathMode(blas, CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        module = new CUmod_st();
        try (BytePointer image = compile()) {
            check(cuModuleLoadData(module, image), "cuModuleLoadData(" + KERNEL_SOURCE + ", " + build + ")");
        }
    }

    /**
     * SASS for the device's architecture where NVRTC knows it; otherwise PTX for the newest architecture NVRTC knows,
     * which the driver compiles for the device when the module loads (how a GPU newer than the CUDA libraries runs).
     */
    private BytePointer compile() {
        int arch = device.major() * 10 + device.minor();
        int[] known = nvrtcArchs();
        int newest = known[known.length - 1];
        if (arch < known[0]) {
            throw new CudaException("this NVRTC compiles for sm_" + known[0] + " to sm_" + newest + "; the GPU is sm_"
                    + arch + " (CUDA 13 dropped Maxwell, Pascal and Volta: build with the CUDA 12 bindings,"
                    + " docs/operations.md)");
        }
        boolean sass = arch <= newest;
        String target = sass ? "sm_" + arch : "compute_" + newest;
        _nvrtcProgram program = new _nvrtcProgram();
        checkNvrtc(nvrtcCreateProgram(program, new BytePointer(source()), new BytePointer(KERNEL_SOURCE), 0,
                (PointerPointer<?>) null, (PointerPointer<?>) null), "nvrtcCreateProgram");
        try {
            PointerPointer<?> options = new PointerPointer<>("--gpu-architecture=" + target);
            int result = nvrtcCompileProgram(program, 1, options);
            if (result != NVRTC_SUCCESS) {
                throw new CudaException("NVRTC could not compile " + KERNEL_SOURCE + " for " + target + ": "
                        + log(program));
            }
            SizeTPointer size = new SizeTPointer(1);
            BytePointer image;
            if (sass) {
                checkNvrtc(nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
                image = new BytePointer(size.get());
                checkNvrtc(nvrtcGetCUBIN(program, image), "nvrtcGetCUBIN");
            } else {
                checkNvrtc(nvrtcGetPTXSize(program, size), "nvrtcGetPTXSize");
                image = new BytePointer(size.get());
                checkNvrtc(nvrtcGetPTX(program, image), "nvrtcGetPTX");
            }
            build = sass ? target + " SASS" : target + " PTX";
            return image;
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    /** The architectures this NVRTC compiles for, ascending (e.g. 75, 80, ..., 120). */
    private static int[] nvrtcArchs() {
        int[] count = new int[1];
        checkNvrtc(nvrtcGetNumSupportedArchs(count), "nvrtcGetNumSupportedArchs");
        int[] archs = new int[count[0]];
        checkNvrtc(nvrtcGetSupportedArchs(archs), "nvrtcGetSupportedArchs");
        Arrays.sort(archs);
        return archs;
    }

    private static String log(_nvrtcProgram program) {
        SizeTPointer size = new SizeTPointer(1);
        if (nvrtcGetProgramLogSize(program, size) != NVRTC_SUCCESS) {
            return "(no log)";
        }
        BytePointer log = new BytePointer(size.get());
        nvrtcGetProgramLog(program, log);
        return log.getString().strip();
    }

    /** The kernels' CUDA C source, a resource beside this class. */
    static String source() {
        try (InputStream in = CudaContext.class.getResourceAsStream(KERNEL_SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + KERNEL_SOURCE + " is missing beside " + CudaContext.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
