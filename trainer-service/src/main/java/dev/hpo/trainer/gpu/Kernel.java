package dev.hpo.trainer.gpu;

import static dev.hpo.trainer.gpu.Cuda.check;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;

import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One call site of a kernel with its arguments held in native memory that lives as long as the call: a step sets
 * the arguments that change and launches again, so the hot path allocates nothing (cuLaunchKernel copies the
 * arguments at launch). Each argument has an 8-byte slot; an int or float one is written as its 32 bits in the low
 * half, which is where the kernel reads it (x86-64 and aarch64 are little-endian).
 */
final class Kernel {

    /** Threads per block: a multiple of the warp size that every GPU since Kepler runs at full occupancy. */
    static final int THREADS = 256;
    /** Grid-stride loops cover any length, so the grid is capped; 4096 blocks fill the largest GPUs. */
    private static final int MAX_BLOCKS = 4096;

    private final CUfunc_st function;
    private final String name;
    private final LongPointer slots;
    /** cuLaunchKernel's kernelParams: the address of each argument's slot. */
    private final LongPointer arguments;

    Kernel(CUfunc_st function, String name, int argumentCount) {
        this.function = function;
        this.name = name;
        this.slots = new LongPointer(argumentCount);
        this.arguments = new LongPointer(argumentCount);
        for (int i = 0; i < argumentCount; i++) {
            slots.put(i, 0);
            arguments.put(i, slots.address() + (long) Long.BYTES * i);
        }
    }

    int arguments() {
        return (int) slots.capacity();
    }

    /** Argument {@code i} is a device pointer, a long long or an unsigned long long. */
    Kernel set(int i, long value) {
        slots.put(i, value);
        return this;
    }

    Kernel set(int i, DeviceArray array) {
        return set(i, array == null ? 0 : array.address());
    }

    Kernel setInt(int i, int value) {
        return set(i, value & 0xFFFF_FFFFL);
    }

    Kernel setFloat(int i, float value) {
        return set(i, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL);
    }

    /** Launches enough blocks of {@link #THREADS} for {@code elements} work items on the default stream. */
    void launch(long elements) {
        launch(elements, 0);
    }

    /** The same with {@code sharedBytes} of dynamic shared memory per block. */
    void launch(long elements, int sharedBytes) {
        int blocks = (int) Math.max(1, Math.min(MAX_BLOCKS, (elements + THREADS - 1) / THREADS));
        check(cuLaunchKernel(function, blocks, 1, 1, THREADS, 1, 1, sharedBytes, (CUstream_st) null, arguments,
                (Pointer) null), "cuLaunchKernel(" + name + ")");
    }
}
