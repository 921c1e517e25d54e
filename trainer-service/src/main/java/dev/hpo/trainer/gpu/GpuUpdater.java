package dev.hpo.trainer.gpu;

import dev.hpo.trainer.model.Lion;
import java.util.Optional;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A DL4J updater as one of the GPU kernels {@code update_<kernel>} of {@code dense-step.cu}, which apply the same
 * formulas as DL4J's (and the project's Lion) on device memory.
 *
 * @param kernel       the kernel's name suffix
 * @param learningRate the constant learning rate (learning-rate schedules stay on the CPU path)
 * @param beta1        Adam's, Nadam's and Lion's beta1; Nesterov's momentum; RMSProp's decay rate rho
 * @param beta2        Adam's, Nadam's and Lion's beta2
 * @param epsilon      Adam's, Nadam's and RMSProp's epsilon
 * @param stateArrays  how many arrays of the parameters' length the updater keeps (DL4J's {@code stateSize / n})
 */
record GpuUpdater(String kernel, double learningRate, double beta1, double beta2, double epsilon, int stateArrays) {

    /** The kernel form of a DL4J updater without a learning-rate schedule, or empty (another updater or a schedule). */
    static Optional<GpuUpdater> of(IUpdater updater) {
        if (updater instanceof Adam a && a.getLearningRateSchedule() == null) {
            return Optional.of(new GpuUpdater("adam", a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon(), 2));
        }
        if (updater instanceof Nadam a && a.getLearningRateSchedule() == null) {
            return Optional.of(new GpuUpdater("nadam", a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon(),
                    2));
        }
        if (updater instanceof RmsProp r && r.getLearningRateSchedule() == null) {
            return Optional.of(new GpuUpdater("rmsprop", r.getLearningRate(), r.getRmsDecay(), 0, r.getEpsilon(), 1));
        }
        if (updater instanceof Nesterovs n && n.getLearningRateSchedule() == null && n.getMomentumISchedule() == null) {
            return Optional.of(new GpuUpdater("nesterovs", n.getLearningRate(), n.getMomentum(), 0, 0, 1));
        }
        if (updater instanceof Sgd s && s.getLearningRateSchedule() == null) {
            return Optional.of(new GpuUpdater("sgd", s.getLearningRate(), 0, 0, 0, 0));
        }
        if (updater instanceof Lion l && l.getLearningRateSchedule() == null) {
            return Optional.of(new GpuUpdater("lion", l.getLearningRate(), l.getBeta1(), l.getBeta2(), 0, 1));
        }
        return Optional.empty();
    }

    /**
     * The per-step scalar of the bias-corrected updaters at DL4J's iteration count {@code iteration} (t = iteration +
     * 1): Adam's alpha_t = lr sqrt(1 - beta2^t) / (1 - beta1^t), which libnd4j replaces by epsilon where it is not a
     * finite non-zero number, and Nadam's 1 - beta1^t; 0 for the others.
     */
    double stepScalar(int iteration) {
        int t = iteration + 1;
        return switch (kernel) {
            case "adam" -> {
                double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
                yield Double.isFinite(alpha) && alpha != 0 ? alpha : epsilon;
            }
            case "nadam" -> 1 - Math.pow(beta1, t);
            default -> 0;
        };
    }
}
