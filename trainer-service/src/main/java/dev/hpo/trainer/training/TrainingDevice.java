package dev.hpo.trainer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Where a trainer's training steps run: the CPU, or a GPU (dev.hpo.trainer.gpu.TrainerDevice). */
public interface TrainingDevice {

    /** The CPU: the fused step or DL4J's fit ({@link TrainingStep#of}). */
    TrainingDevice CPU = new TrainingDevice() {
        @Override
        public TrainingStep step(MultiLayerNetwork network, boolean weightDecay) {
            return TrainingStep.of(network, weightDecay);
        }

        @Override
        public String describe() {
            return "cpu";
        }
    };

    /**
     * The step that trains this network here.
     *
     * @param weightDecay whether the network's DL4J score includes a weight-decay term (see {@link TrainingStep#of})
     */
    TrainingStep step(MultiLayerNetwork network, boolean weightDecay);

    /** "cpu", or the GPU, e.g. "cuda:0 NVIDIA H100 80GB HBM3 sm_90": the result's {@code device} field. */
    String describe();

    /** Called with a trial's failure, so that a device can recover from it (a GPU resets after a CUDA error). */
    default void afterFailure(RuntimeException failure) {
    }
}
