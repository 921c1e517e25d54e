package dev.hpo.trainer.gpu;

/** A CUDA driver, cuBLAS or NVRTC call that failed, with the library's own error text and the call it answered. */
public final class CudaException extends RuntimeException {

    public CudaException(String message) {
        super(message);
    }
}
