package dev.hpo.trainer.gpu;

/**
 * A GPU as the CUDA driver describes it.
 *
 * @param ordinal     the device number among those visible to this process ({@code CUDA_VISIBLE_DEVICES} applied)
 * @param name        the product name, e.g. "NVIDIA H100 80GB HBM3"
 * @param major       compute capability, major
 * @param minor       compute capability, minor
 * @param totalMemory bytes of device memory
 * @param driver      the driver's CUDA version, e.g. 13000 for 13.0
 */
public record CudaDevice(int ordinal, String name, int major, int minor, long totalMemory, int driver) {

    /** "cuda:0 NVIDIA H100 80GB HBM3 sm_90": the result's {@code device} field and the device metric's label. */
    public String describe() {
        return "cuda:" + ordinal + " " + name + " sm_" + major + minor;
    }
}
