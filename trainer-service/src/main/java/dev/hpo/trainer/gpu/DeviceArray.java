package dev.hpo.trainer.gpu;

import static dev.hpo.trainer.gpu.Cuda.check;
import static org.bytedeco.cuda.global.cudart.cuMemAlloc;
import static org.bytedeco.cuda.global.cudart.cuMemFree;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoD;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;
import static org.bytedeco.cuda.global.cudart.cuMemsetD32;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/** A block of device memory of 4-byte (float or int) or 8-byte (double) elements, with copies to and from the host. */
final class DeviceArray implements AutoCloseable {

    private final long address;
    private final long length;
    private final int elementBytes;

    private DeviceArray(long length, int elementBytes) {
        long[] pointer = new long[1];
        long bytes = Math.max(1, length) * elementBytes;
        check(cuMemAlloc(pointer, bytes), "cuMemAlloc(" + bytes + " bytes)");
        this.address = pointer[0];
        this.length = length;
        this.elementBytes = elementBytes;
    }

    static DeviceArray floats(long length) {
        return new DeviceArray(length, Float.BYTES);
    }

    static DeviceArray ints(long length) {
        return new DeviceArray(length, Integer.BYTES);
    }

    static DeviceArray doubles(long length) {
        return new DeviceArray(length, Double.BYTES);
    }

    long address() {
        return address;
    }

    /** The device address of float element {@code offset}, as cuBLAS takes it. */
    FloatPointer floatsAt(long offset) {
        return Cuda.floats(address + offset * elementBytes);
    }

    long length() {
        return length;
    }

    void upload(float[] values) {
        try (FloatPointer host = new FloatPointer(values)) {
            upload(host, values.length);
        }
    }

    void upload(int[] values) {
        try (IntPointer host = new IntPointer(values)) {
            upload(host, values.length);
        }
    }

    /** Copies {@code count} elements from host memory at {@code host} (an ND4J buffer's address, for one). */
    void upload(Pointer host, long count) {
        requireFits(count);
        check(cuMemcpyHtoD(address, host, count * elementBytes), "cuMemcpyHtoD");
    }

    /** Copies the first {@code count} elements to host memory at {@code host}. */
    void download(Pointer host, long count) {
        requireFits(count);
        check(cuMemcpyDtoH(host, address, count * elementBytes), "cuMemcpyDtoH");
    }

    float[] downloadFloats(int count) {
        try (FloatPointer host = new FloatPointer(count)) {
            download(host, count);
            float[] values = new float[count];
            host.get(values);
            return values;
        }
    }

    double downloadDouble() {
        try (DoublePointer host = new DoublePointer(1)) {
            download(host, 1);
            return host.get();
        }
    }

    /** Copies every element of {@code source}, an array of the same length and element size, on the device. */
    void copyFrom(DeviceArray source) {
        requireFits(source.length);
        check(cuMemcpyDtoD(address, source.address, source.length * elementBytes), "cuMemcpyDtoD");
    }

    /** Sets every element to the 32-bit pattern {@code bits} (0 for float zeros, Float.floatToIntBits(1f) for ones). */
    void fill(int bits) {
        if (elementBytes != Integer.BYTES) {
            throw new IllegalStateException("fill takes 4-byte elements");
        }
        check(cuMemsetD32(address, bits, length), "cuMemsetD32");
    }

    /** Sets every byte to 0. */
    void zero() {
        check(cuMemsetD32(address, 0, length * elementBytes / Integer.BYTES), "cuMemsetD32");
    }

    private void requireFits(long count) {
        if (count > length) {
            throw new IllegalArgumentException(count + " elements for a device array of " + length);
        }
    }

    @Override
    public void close() {
        cuMemFree(address);
    }
}
