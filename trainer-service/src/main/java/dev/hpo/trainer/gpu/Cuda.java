package dev.hpo.trainer.gpu;

import static org.bytedeco.cuda.global.cublas.CUBLAS_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cublas.cublasGetStatusString;
import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.cuGetErrorName;
import static org.bytedeco.cuda.global.cudart.cuGetErrorString;
import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetErrorString;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/** Result checks of the CUDA driver API, cuBLAS and NVRTC, each turning a failure into a {@link CudaException}. */
final class Cuda {

    private Cuda() {
    }

    /** Throws unless a driver API call succeeded; the message names the call and CUDA's error name and text. */
    static void check(int result, String call) {
        if (result != CUDA_SUCCESS) {
            throw new CudaException(call + " failed: " + errorText(result));
        }
    }

    static void checkBlas(int status, String call) {
        if (status != CUBLAS_STATUS_SUCCESS) {
            BytePointer text = cublasGetStatusString(status);
            throw new CudaException(call + " failed: " + (text == null ? "cuBLAS status " + status : text.getString()));
        }
    }

    static void checkNvrtc(int result, String call) {
        if (result != NVRTC_SUCCESS) {
            BytePointer text = nvrtcGetErrorString(result);
            throw new CudaException(call + " failed: " + (text == null ? "NVRTC result " + result : text.getString()));
        }
    }

    /** "CUDA_ERROR_OUT_OF_MEMORY (2): out of memory", as the driver names and describes the result. */
    static String errorText(int result) {
        BytePointer name = new BytePointer((Pointer) null);
        BytePointer text = new BytePointer((Pointer) null);
        boolean named = cuGetErrorName(result, name) == CUDA_SUCCESS && !name.isNull();
        boolean described = cuGetErrorString(result, text) == CUDA_SUCCESS && !text.isNull();
        return (named ? name.getString() : "CUDA error") + " (" + result + ")"
                + (described ? ": " + text.getString() : "");
    }

    /**
     * A float pointer at a device address, for cuBLAS's arguments. JavaCPP has no constructor from an address, but a
     * subclass may set it.
     */
    static FloatPointer floats(long deviceAddress) {
        return new FloatPointer(new Pointer() {
            {
                address = deviceAddress;
            }
        });
    }
}
