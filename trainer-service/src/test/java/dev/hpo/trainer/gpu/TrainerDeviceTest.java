package dev.hpo.trainer.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HPO_DEVICE's choices, with the real driver probe where it decides (on a machine without a GPU). */
class TrainerDeviceTest {

    @Test
    void cudaWithoutAGpuHasNoDeviceAndNamesTheMissingDriver() {
        CudaProbe.Result probe = CudaProbe.probe();
        assumeFalse(probe.found(), "a GPU is visible here: " + probe.devices());
        TrainerDevice device = TrainerDevice.select("cuda");
        assertThat(device.problem()).isPresent();
        assertThat(device.problem().get()).startsWith("HPO_DEVICE=cuda but ").contains(probe.problem());
        assertThat(device.gpu()).isFalse();
    }

    @Test
    void theProbeOfAMachineWithoutDriverNamesLibcuda() {
        CudaProbe.Result probe = CudaProbe.probe();
        assumeFalse(probe.found(), "a GPU is visible here: " + probe.devices());
        // This machine (and CI's) has no NVIDIA driver at all: the JNI library's first missing dependency is libcuda.
        assertThat(probe.problem()).isEqualTo("no NVIDIA driver: libcuda.so.1 not found (a GPU node with the NVIDIA"
                + " driver and container toolkit provides it)");
    }

    @Test
    void autoWithoutAGpuTrainsOnTheCpuAndSaysWhy() {
        TrainerDevice device = TrainerDevice.select("auto",
                () -> new CudaProbe.Result(List.of(), "the NVIDIA driver sees no GPU"));
        assertThat(device.problem()).isEmpty();
        assertThat(device.describe()).isEqualTo("cpu");
        assertThat(device.note()).isEqualTo("HPO_DEVICE=auto and no usable GPU (the NVIDIA driver sees no GPU)");
    }

    @Test
    void cudaWithADriverThatSeesNoGpuIsAProblem() {
        TrainerDevice device = TrainerDevice.select(" CUDA ",
                () -> new CudaProbe.Result(List.of(), "the NVIDIA driver sees no GPU (CUDA_VISIBLE_DEVICES=)"));
        assertThat(device.problem()).contains("HPO_DEVICE=cuda but the NVIDIA driver sees no GPU (CUDA_VISIBLE_DEVICES=)");
    }

    @Test
    void cpuNeverProbes() {
        TrainerDevice device = TrainerDevice.select("cpu", () -> fail("probed for a GPU"));
        assertThat(device.problem()).isEmpty();
        assertThat(device.describe()).isEqualTo("cpu");
    }

    @Test
    void anUnknownChoiceIsAProblemNamingTheValue() {
        TrainerDevice device = TrainerDevice.select("gpu", () -> fail("probed for a GPU"));
        assertThat(device.problem()).contains("HPO_DEVICE (gpu) must be cpu, cuda or auto");
    }

    @Test
    void aMissingCudaLibraryIsNamedWithTheImageThatHasIt() {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("no jnicublas in java.library.path");
        error.initCause(new UnsatisfiedLinkError("/tmp/cache/libjnicublas.so: libcublasLt.so.13: cannot open shared"
                + " object file: No such file or directory"));
        assertThat(CudaProbe.missingLibrary(error)).isEqualTo("CUDA 13 library libcublasLt.so.13 not found (use an"
                + " NVIDIA CUDA 13 runtime image, or put it on LD_LIBRARY_PATH)");
    }

    @Test
    void aGpuIsDescribedByOrdinalNameAndArchitecture() {
        CudaDevice h100 = new CudaDevice(0, "NVIDIA H100 80GB HBM3", 9, 0, 85L << 30, 13000);
        assertThat(h100.describe()).isEqualTo("cuda:0 NVIDIA H100 80GB HBM3 sm_90");
    }
}
