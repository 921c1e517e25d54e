package dev.hpo.trainer.bench;

import dev.hpo.trainer.data.PreparedData;
import dev.hpo.trainer.data.SplitSpec;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import dev.hpo.trainer.model.ModelTemplate;
import dev.hpo.trainer.model.NetworkBuilder;
import dev.hpo.trainer.model.OptimizerSettings;
import dev.hpo.trainer.model.Optimizers;
import dev.hpo.trainer.training.ClassWeights;
import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.MiniBatches;
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
 * ({@code /work/shared/peers/torch_mlp.py}): per batch size, warm-up epochs, then the median seconds of timed epochs,
 * each a reshuffle plus one pass of mini-batch steps without a validation pass. The steps are the trainer's own
 * ({@link TrainingStep#of}, the fused step for this network), or DL4J's {@code fit} with {@code --dl4j-fit}.
 *
 * <pre>
 * java -cp ... dev.hpo.trainer.bench.TrainerBench --batch 16,32,64 --rows 10000 --features 30 --epochs 5 [--json]
 *      [--dl4j-fit]
 * </pre>
 * With {@code --json}, stdout has one line per batch size, {@code {"batch": 64, "seconds_per_epoch": 0.12}}, and the
 * other figures go to stderr. Run with {@code OMP_NUM_THREADS=1}: faster and steadier for a network this small.
 */
public final class TrainerBench {

    private TrainerBench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        TrainingLoop.preferPlainKernels();
        PreparedData data = PreparedData.prepare(
                SyntheticFraudSpec.of(options.rows(), options.features(), 0.1, SyntheticFraudSpec.DEFAULT_SEED).load(),
                new SplitSpec(0.2, 0, true, SplitSpec.DEFAULT_SEED));
        report(options, String.format(Locale.ROOT, "train %d rows (%d positive) x %d features, OMP_NUM_THREADS=%s, %s",
                data.train().rows(), data.train().positives(), data.train().columns(), System.getenv("OMP_NUM_THREADS"),
                options.dl4jFit() ? "DL4J's MultiLayerNetwork.fit" : "the trainer's training step"));
        for (int batch : options.batches()) {
            double[][] timings = timeEpochs(data, batch, options);
            double median = median(timings[0]);
            if (options.json()) {
                System.out.printf(Locale.ROOT, "{\"batch\": %d, \"seconds_per_epoch\": %.4f}%n", batch, median);
            }
            report(options, String.format(Locale.ROOT, "batch %3d: %d steps/epoch, epochs %s s, median %.4f s"
                    + " (process CPU %.4f s)", batch, (data.train().rows() + batch - 1) / batch, format(timings[0]),
                    median, median(timings[1])));
        }
        report(options, "peak RSS (VmHWM): " + peakRss());
    }

    /** Wall-clock seconds and process CPU seconds (which a busy machine inflates less) of each timed epoch. */
    private static double[][] timeEpochs(PreparedData data, int batch, Options options) {
        HyperParameters params = new HyperParameters(Map.of("neurons1", 40, "neurons2", 20, "dropout_rate1", 0.2,
                "dropout_rate2", 0.2, "optimizer", "adam", "learning_rate", 1e-3));
        OptimizerSettings optimizer = Optimizers.fromParams(params);
        int positives = data.train().positives();
        Nd4j.getRandom().setSeed(0);
        MultiLayerNetwork network = NetworkBuilder.build(ModelTemplate.fraudMlp().resolve(params),
                data.train().columns(), optimizer, ClassWeights.BALANCED.forTraining(data.train()),
                Math.log((double) positives / (data.train().rows() - positives)), 0);
        MiniBatches batches = new MiniBatches(data.train(), batch, 0);
        TrainingStep step = options.dl4jFit() ? TrainingStep.dl4jFit(network, false) : TrainingStep.of(network, false);
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
                           boolean dl4jFit) {

        static Options parse(String[] args) {
            List<Integer> batches = List.of(16, 32, 64);
            int rows = 10_000;
            int features = 30;
            int epochs = 5;
            int warmup = 1;
            boolean json = false;
            boolean dl4jFit = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--batch" -> batches = Arrays.stream(value(args, ++i).split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--rows" -> rows = Integer.parseInt(value(args, ++i));
                    case "--features" -> features = Integer.parseInt(value(args, ++i));
                    case "--epochs" -> epochs = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--json" -> json = true;
                    case "--dl4j-fit" -> dl4jFit = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: --batch"
                            + " 16,32,64 --rows 10000 --features 30 --epochs 5 [--warmup 1] [--json] [--dl4j-fit]");
                }
            }
            if (epochs < 1 || warmup < 0 || batches.isEmpty()) {
                throw new IllegalArgumentException("--epochs must be >= 1, --warmup >= 0 and --batch non-empty");
            }
            return new Options(batches, rows, features, epochs, warmup, json, dl4jFit);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }
}
