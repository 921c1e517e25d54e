package dev.hpo.trainer.gpu;

/**
 * The call of one {@code update_<kernel>} of {@code dense-step.cu} over a parameter vector: w, grad, the updater's
 * state arrays and n, then the gradient's scale (per step), lr, the decay and the updater's constants, and for Adam and
 * Nadam the bias correction (per step, {@link GpuUpdater#stepScalar}).
 */
final class UpdateKernel {

    private final Kernel kernel;
    private final GpuUpdater updater;
    private final long length;
    private final int scaleArgument;

    /**
     * @param state the updater's arrays one after the other (DL4J's layout), or null for plain SGD
     */
    UpdateKernel(CudaContext cuda, GpuUpdater updater, double decay, DeviceArray params, DeviceArray gradients,
                 DeviceArray state) {
        this.updater = updater;
        this.length = params.length();
        float[] constants = switch (updater.kernel()) {
            case "sgd" -> new float[0];
            case "nesterovs" -> new float[] {(float) updater.beta1()};
            case "rmsprop" -> new float[] {(float) updater.beta1(), (float) updater.epsilon()};
            case "lion" -> new float[] {(float) updater.beta1(), (float) updater.beta2()};
            case "adam", "nadam" -> new float[] {(float) updater.beta1(), (float) updater.beta2(),
                    (float) updater.epsilon()};
            default -> throw new IllegalArgumentException("no update kernel " + updater.kernel());
        };
        boolean corrected = updater.kernel().equals("adam") || updater.kernel().equals("nadam");
        this.scaleArgument = 3 + updater.stateArrays();
        this.kernel = cuda.kernel("update_" + updater.kernel(), scaleArgument + 3 + constants.length
                + (corrected ? 1 : 0));
        kernel.set(0, params).set(1, gradients);
        for (int i = 0; i < updater.stateArrays(); i++) {
            kernel.set(2 + i, state.address() + i * length * Float.BYTES);
        }
        kernel.set(scaleArgument - 1, length).setFloat(scaleArgument + 1, (float) updater.learningRate())
                .setFloat(scaleArgument + 2, (float) decay);
        for (int i = 0; i < constants.length; i++) {
            kernel.setFloat(scaleArgument + 3 + i, constants[i]);
        }
    }

    /**
     * params -= update, for a gradient summed over a batch.
     *
     * @param scale     1 / the batch size (DL4J's updater divides the summed gradient by it first)
     * @param iteration DL4J's iteration count before this step
     */
    void apply(float scale, int iteration) {
        kernel.setFloat(scaleArgument, scale);
        double correction = updater.stepScalar(iteration);
        if (correction != 0) {
            kernel.setFloat(kernel.arguments() - 1, (float) correction);
        }
        kernel.launch(length);
    }
}
