package dev.hpo.trainer.gpu;

import dev.hpo.trainer.training.TrainingDevice;
import dev.hpo.trainer.training.TrainingStep;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.jboss.logging.Logger;

/**
 * The device a trainer was asked for ({@code HPO_DEVICE}: {@code cpu}, {@code cuda} or {@code auto}) and the one it
 * got. {@code auto} takes the first visible GPU when one can be opened and the CPU otherwise; {@code cuda} without a
 * usable GPU gets no device at all: the trainer then stays up and not ready, with the reason ({@link #problem}), and
 * takes no trial. On a GPU, a network the GPU step cannot train exactly goes to the CPU step, with one log line
 * saying why; a trial that fails with a CUDA error resets the device for the next one.
 */
public final class TrainerDevice implements TrainingDevice {

    private static final Logger LOG = Logger.getLogger(TrainerDevice.class);

    /** What {@code HPO_DEVICE} may say. */
    public enum Choice {
        CPU, CUDA, AUTO;

        /** @throws IllegalArgumentException naming the value and the accepted ones */
        public static Choice parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("HPO_DEVICE (" + value + ") must be cpu, cuda or auto");
            }
        }
    }

    private final CudaContext cuda;
    private final String problem;
    private final String note;

    private TrainerDevice(CudaContext cuda, String problem, String note) {
        this.cuda = cuda;
        this.problem = problem;
        this.note = note;
    }

    /** Selects with the real driver: probes for GPUs only when the choice may use one. */
    public static TrainerDevice select(String choice) {
        return select(choice, CudaProbe::probe);
    }

    static TrainerDevice select(String value, Supplier<CudaProbe.Result> probe) {
        Choice choice;
        try {
            choice = Choice.parse(value);
        } catch (IllegalArgumentException e) {
            return new TrainerDevice(null, e.getMessage(), null);
        }
        if (choice == Choice.CPU) {
            return new TrainerDevice(null, null, "HPO_DEVICE=cpu");
        }
        CudaProbe.Result found = probe.get();
        String problem = found.problem();
        CudaContext context = null;
        if (found.found()) {
            CudaDevice device = found.devices().get(0);
            try {
                context = CudaContext.open(device);
            } catch (CudaException | LinkageError e) {
                problem = "cannot use " + device.describe() + ": " + e.getMessage();
            }
        }
        if (context != null) {
            int unused = found.devices().size() - 1;
            return new TrainerDevice(context, null, "kernels " + context.build() + (unused == 0 ? ""
                    : "; " + unused + " more GPU(s) visible and unused: a trainer trains one trial on one GPU, so run"
                            + " one trainer per GPU (CUDA_VISIBLE_DEVICES)"));
        }
        return choice == Choice.CUDA ? new TrainerDevice(null, "HPO_DEVICE=cuda but " + problem, null)
                : new TrainerDevice(null, null, "HPO_DEVICE=auto and no usable GPU (" + problem + ")");
    }

    /** A GPU trainer on an opened device (tests and benchmarks). */
    public static TrainerDevice on(CudaContext cuda) {
        return new TrainerDevice(cuda, null, "kernels " + cuda.build());
    }

    /** Why there is no device for this trainer ({@code HPO_DEVICE=cuda} without a GPU, or a bad value); else empty. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** How the choice came out, for the start-up log line. */
    public String note() {
        return note;
    }

    public boolean gpu() {
        return cuda != null;
    }

    /** The GPU's context; null on the CPU. */
    public CudaContext context() {
        return cuda;
    }

    @Override
    public TrainingStep step(MultiLayerNetwork network, boolean weightDecay) {
        if (cuda == null) {
            return TrainingDevice.CPU.step(network, weightDecay);
        }
        Optional<String> unsupported = DenseLayout.unsupported(network);
        if (unsupported.isPresent()) {
            LOG.infof("training on the CPU: %s", unsupported.get());
            return TrainingDevice.CPU.step(network, weightDecay);
        }
        return new CudaDenseStep(cuda, network);
    }

    @Override
    public String describe() {
        return cuda == null ? "cpu" : cuda.device().describe();
    }

    @Override
    public void afterFailure(RuntimeException failure) {
        if (cuda != null && failure instanceof CudaException) {
            LOG.warnf("resetting %s after a CUDA error: %s", describe(), failure.getMessage());
            cuda.reset();
        }
    }
}
