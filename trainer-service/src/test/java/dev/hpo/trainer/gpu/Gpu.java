package dev.hpo.trainer.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GPU of the tests that need one: opened once per test JVM. Where there is none the calling test is skipped, and
 * the reason printed (a machine without a GPU runs the rest of the suite).
 */
final class Gpu {

    private static CudaContext context;
    private static String absent;

    private Gpu() {
    }

    static synchronized CudaContext context() {
        if (context == null && absent == null) {
            CudaProbe.Result probe = CudaProbe.probe();
            if (probe.found()) {
                context = CudaContext.open(probe.devices().get(0));
                System.out.println("GPU tests on " + context.device().describe() + ", kernels " + context.build());
            } else {
                absent = probe.problem();
                System.out.println("GPU tests skipped: " + absent);
            }
        }
        assumeTrue(absent == null, () -> "no GPU: " + absent);
        context.makeCurrent();
        return context;
    }
}
