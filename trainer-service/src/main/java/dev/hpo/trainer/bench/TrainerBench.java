package dev.hpo.trainer.bench;

import dev.hpo.trainer.data.PreparedData;
import dev.hpo.trainer.data.SplitSpec;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import dev.hpo.trainer.gpu.SgemmReference;
import dev.hpo.trainer.gpu.TrainerDevice;
import dev.hpo.trainer.model.LayerSpec;
import dev.hpo.trainer.model.NetworkBuilder;
import dev.hpo.trainer.model.OptimizerSettings;
import dev.hpo.trainer.model.Optimizers;
import dev.hpo.trainer.training.ClassWeights;
import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.MiniBatches;
import dev.hpo.trainer.training.TrainingDevice;
import dev.hpo.trainer.training.TrainingLoop;
import dev.hpo.trainer.training.TrainingStep;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times training epochs of the reference network (fraud-mlp 40/20, dropout 0.2, Adam 1e-3, balanced class weights)
 * on synthetic-fraud data split 80/20, the setting of the PyTorch peer benchmark
 * ({@code /work/shared/peers/torch_mlp.py}), or of another stack of ReLU layers ({@code --hidden}): per batch size,
 * warm-up epochs, then the median seconds of timed epochs, each a reshuffle plus one pass of mini-batch steps
 * without a validation pass. The steps are the trainer's own on {@code --device cpu} ({@link TrainingStep#of}, the
 * fused step for this network) or {@code cuda} (the GPU step), or DL4J's {@code fit} with {@code --dl4j-fit}. Each
 * line gives samples per second and the GFLOP/s of the step's matrix products; on the GPU also the GFLOP/s cuBLAS's
 * sgemm reaches alone on the same products in the same run, and the step's share of it.
 *
 * <pre>
 * java -cp ... dev.hpo.trainer.bench.TrainerBench --batch 16,32,64 --rows 10000 --features 30 --epochs 5 [--json]
 *      [--dl4j-fit] [--device cpu|cuda] [--hidden 40,20] [--dropout 0.2]
 * </pre>
 * With {@code --json}, stdout has one line per batch size, {@code {"batch": 64, "seconds_per_epoch": 0.12, ...}},
 * and the other figures go to stderr. Run with {@code OMP_NUM_THREADS=1} for the reference network: faster and
 * steadier for a network this small.
 */
public final class TrainerBench {

    private TrainerBench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        TrainingLoop.preferPlainKernels();
        TrainingDevice device = device(options.device());
        PreparedData data = PreparedData.prepare(
                SyntheticFraudSpec.of(options.rows(), options.features(), 0.1, SyntheticFraudSpec.DEFAULT_SEED).load(),
                new SplitSpec(0.2, 0, true, SplitSpec.DEFAULT_SEED));
        report(options, String.format(Locale.ROOT, "train %d rows (%d positive) x %d features, OMP_NUM_THREADS=%s, %s",
                data.train().rows(), data.train().positives(), data.train().columns(), System.getenv("OMP_NUM_THREADS"),
                options.dl4jFit() ? "DL4J's MultiLayerNetwork.fit" : "the trainer's training step on "
                        + device.describe()));
        int[] widths = widths(data.train().columns(), options.hidden());
        for (int batch : options.batches()) {
            double[][] timings = timeEpochs(data, batch, options, device);
            double median = median(timings[0]);
            int rows = data.train().rows();
            double samples = rows / median;
            double gflops = epochFlops(rows, batch, widths) / median / 1e9;
            String sgemm = "";
            if (device instanceof TrainerDevice gpu && gpu.gpu()) {
                double reference = SgemmReference.gflops(gpu.context(), batch, widths, SGEMM_REPEATS);
                sgemm = String.format(Locale.ROOT, ", \"sgemm_gflops\": %.1f, \"share_of_sgemm\": %.3f", reference,
                        gflops / reference);
            }
            if (options.json()) {
                System.out.printf(Locale.ROOT, "{\"batch\": %d, \"seconds_per_epoch\": %.4f, \"device\": \"%s\","
                        + " \"samples_per_second\": %.0f, \"gflops\": %.2f%s}%n", batch, median, device.describe(),
                        samples, gflops, sgemm);
            }
            report(options, String.format(Locale.ROOT, "batch %3d: %d steps/epoch, epochs %s s, median %.4f s"
                    + " (process CPU %.4f s), %.0f samples/s, %.2f GFLOP/s%s", batch, (rows + batch - 1) / batch,
                    format(timings[0]), median, median(timings[1]), samples, gflops, sgemm.replace("\"", "")));
        }
        report(options, "peak RSS (VmHWM): " + peakRss());
    }

    /** Repeats of the sgemm reference: enough for a stable rate, a fraction of a second on a current GPU. */
    private static final int SGEMM_REPEATS = 50;

    /** The device asked for; one that cannot be had ends the run with the reason. */
    private static TrainingDevice device(String choice) {
        if (choice.equals("cpu")) {
            return TrainingDevice.CPU;
        }
        TrainerDevice device = TrainerDevice.select(choice);
        if (device.problem().isPresent()) {
            throw new IllegalStateException("--device " + choice + ": " + device.problem().get());
        }
        return device;
    }

    /** Features, the hidden widths, then the one output. */
    private static int[] widths(int features, List<Integer> hidden) {
        int[] widths = new int[hidden.size() + 2];
        widths[0] = features;
        for (int i = 0; i < hidden.size(); i++) {
            widths[i + 1] = hidden.get(i);
        }
        widths[widths.length - 1] = 1;
        return widths;
    }

    /** The matrix products of an epoch: full batches and the last, smaller one. */
    private static double epochFlops(int rows, int batch, int[] widths) {
        int full = rows / batch;
        return full * (double) SgemmReference.productFlops(batch, widths)
                + SgemmReference.productFlops(rows - full * batch, widths);
    }

    /** Dense ReLU layers of the given widths, each followed by dropout at the given rate, then the sigmoid output. */
    private static List<LayerSpec> layers(List<Integer> hidden, double dropout) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int units : hidden) {
            layers.add(new LayerSpec.Dense(units, LayerSpec.ACTIVATIONS.get("relu")));
            layers.add(new LayerSpec.Dropout(dropout));
        }
        layers.add(new LayerSpec.Output());
        return layers;
    }

    /** Wall-clock seconds and process CPU seconds (which a busy machine inflates less) of each timed epoch. */
    private static double[][] timeEpochs(PreparedData data, int batch, Options options, TrainingDevice device) {
        OptimizerSettings optimizer = Optimizers.fromParams(new HyperParameters(Map.of("optimizer", "adam",
                "learning_rate", 1e-3)));
        int positives = data.train().positives();
        Nd4j.getRandom().setSeed(0);
        MultiLayerNetwork network = NetworkBuilder.build(layers(options.hidden(), options.dropout()),
                data.train().columns(), optimizer, ClassWeights.BALANCED.forTraining(data.train()),
                Math.log((double) positives / (data.train().rows() - positives)), 0);
        MiniBatches batches = new MiniBatches(data.train(), batch, 0);
        TrainingStep step = options.dl4jFit() ? TrainingStep.dl4jFit(network, false) : device.step(network, false);
        for (int i = 0; i < options.warmup(); i++) {
            TrainingLoop.fitEpoch(step, batches, () -> false);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] seconds = new double[2][options.epochs()];
        for (int i = 0; i < options.epochs(); i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            TrainingLoop.fitEpoch(step, batches, () -> false);
            seconds[0][i] = (System.nanoTime() - start) / 1e9;
            seconds[1][i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        step.close();
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, "%.4f", value));
        }
        return String.join(", ", parts);
    }

    /** Peak resident set size of this process, Linux only. */
    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc/self/status)";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
    }

    private static void report(Options options, String line) {
        (options.json() ? System.err : System.out).println(line);
    }

    /** Command-line options. */
    private record Options(List<Integer> batches, int rows, int features, int epochs, int warmup, boolean json,
                           boolean dl4jFit, String device, List<Integer> hidden, double dropout) {

        static Options parse(String[] args) {
            List<Integer> batches = List.of(16, 32, 64);
            int rows = 10_000;
            int features = 30;
            int epochs = 5;
            int warmup = 1;
            boolean json = false;
            boolean dl4jFit = false;
            String device = "cpu";
            List<Integer> hidden = List.of(40, 20);
            double dropout = 0.2;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--batch" -> batches = integers(value(args, ++i));
                    case "--rows" -> rows = Integer.parseInt(value(args, ++i));
                    case "--features" -> features = Integer.parseInt(value(args, ++i));
                    case "--epochs" -> epochs = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--json" -> json = true;
                    case "--dl4j-fit" -> dl4jFit = true;
                    case "--device" -> device = value(args, ++i);
                    case "--hidden" -> hidden = integers(value(args, ++i));
                    case "--dropout" -> dropout = Double.parseDouble(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: --batch"
                            + " 16,32,64 --rows 10000 --features 30 --epochs 5 [--warmup 1] [--json] [--dl4j-fit]"
                            + " [--device cpu|cuda] [--hidden 40,20] [--dropout 0.2]");
                }
            }
            if (epochs < 1 || warmup < 0 || batches.isEmpty() || hidden.isEmpty()) {
                throw new IllegalArgumentException("--epochs must be >= 1, --warmup >= 0, --batch and --hidden"
                        + " non-empty");
            }
            if (!device.equals("cpu") && !device.equals("cuda")) {
                throw new IllegalArgumentException("--device (" + device + ") must be cpu or cuda");
            }
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("--dropout (" + dropout + ") must be in [0, 1)");
            }
            return new Options(batches, rows, features, epochs, warmup, json, dl4jFit, device, hidden, dropout);
        }

        private static List<Integer> integers(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }
}
