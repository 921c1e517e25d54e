package dev.hpo.trainer.gpu;

import static org.bytedeco.cuda.global.cudart.CUDA_ERROR_NO_DEVICE;
import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetCount;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetName;
import static org.bytedeco.cuda.global.cudart.cuDeviceTotalMem;
import static org.bytedeco.cuda.global.cudart.cuDriverGetVersion;
import static org.bytedeco.cuda.global.cudart.cuInit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Finds the GPUs this process can use: loads the CUDA driver, runtime, cuBLAS and NVRTC libraries through JavaCPP and
 * asks the driver for its devices. Whatever is missing comes back as one sentence naming it, never as an exception.
 */
public final class CudaProbe {

    /** The CUDA major version the bindings need (JavaCPP's CUDA 13.1 presets link libcudart.so.13 and the rest). */
    static final int CUDA_MAJOR = 13;
    /** A library the dynamic linker could not find, as glibc words it. */
    private static final Pattern MISSING_LIBRARY = Pattern.compile("(lib[\\w.+-]+\\.so[.\\d]*): cannot open shared");

    /**
     * What the probe found.
     *
     * @param devices the usable GPUs, in the driver's order; empty when none
     * @param problem why there is none (no driver, a missing library, no device visible), or null
     */
    public record Result(List<CudaDevice> devices, String problem) {

        public boolean found() {
            return !devices.isEmpty();
        }
    }

    /** The first probe's answer: a library that failed to load fails the same way for the rest of the process. */
    private static Result probed;

    private CudaProbe() {
    }

    /** What this process can use, found once (the drivers and libraries of a process do not change while it runs). */
    public static synchronized Result probe() {
        if (probed == null) {
            probed = find();
        }
        return probed;
    }

    private static Result find() {
        try {
            Loader.load(cudart.class);
            Loader.load(cublas.class);
            Loader.load(nvrtc.class);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return new Result(List.of(), missingLibrary(e));
        }
        int init = cuInit(0);
        if (init == CUDA_ERROR_NO_DEVICE) {
            String visible = System.getenv("CUDA_VISIBLE_DEVICES");
            return new Result(List.of(), "the NVIDIA driver sees no GPU"
                    + (visible == null ? "" : " (CUDA_VISIBLE_DEVICES=" + visible + ")"));
        }
        if (init != CUDA_SUCCESS) {
            return new Result(List.of(), "the NVIDIA driver failed to start: " + Cuda.errorText(init));
        }
        int[] value = new int[1];
        int driver = cuDriverGetVersion(value) == CUDA_SUCCESS ? value[0] : 0;
        if (cuDeviceGetCount(value) != CUDA_SUCCESS || value[0] == 0) {
            return new Result(List.of(), "the NVIDIA driver sees no GPU");
        }
        List<CudaDevice> devices = new ArrayList<>();
        for (int ordinal = 0; ordinal < value[0]; ordinal++) {
            devices.add(describe(ordinal, driver));
        }
        return new Result(List.copyOf(devices), null);
    }

    private static CudaDevice describe(int ordinal, int driver) {
        int[] device = new int[1];
        Cuda.check(cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
        byte[] name = new byte[256];
        Cuda.check(cuDeviceGetName(name, name.length, device[0]), "cuDeviceGetName");
        int[] major = new int[1];
        int[] minor = new int[1];
        Cuda.check(cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device[0]),
                "cuDeviceGetAttribute");
        Cuda.check(cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device[0]),
                "cuDeviceGetAttribute");
        long memory;
        try (SizeTPointer bytes = new SizeTPointer(1)) {
            Cuda.check(cuDeviceTotalMem(bytes, device[0]), "cuDeviceTotalMem");
            memory = bytes.get();
        }
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new CudaDevice(ordinal, new String(name, 0, length, StandardCharsets.UTF_8).strip(), major[0], minor[0],
                memory, driver);
    }

    /** "no NVIDIA driver: libcuda.so.1 not found", or the CUDA library that is missing, from the loader's error. */
    static String missingLibrary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher m = MISSING_LIBRARY.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                String library = m.group(1);
                return library.startsWith("libcuda.so")
                        ? "no NVIDIA driver: " + library + " not found (a GPU node with the NVIDIA driver and"
                                + " container toolkit provides it)"
                        : "CUDA " + CUDA_MAJOR + " library " + library + " not found (use an NVIDIA CUDA "
                                + CUDA_MAJOR + " runtime image, or put it on LD_LIBRARY_PATH)";
            }
        }
        return "the CUDA bindings failed to load: " + error;
    }
}
