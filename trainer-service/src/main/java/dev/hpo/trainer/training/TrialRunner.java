package dev.hpo.trainer.training;

import dev.hpo.trainer.data.Dataset;
import dev.hpo.trainer.data.PreparedData;
import dev.hpo.trainer.model.LayerSpec;
import dev.hpo.trainer.model.NetworkBuilder;
import dev.hpo.trainer.model.OptimizerSettings;
import dev.hpo.trainer.model.Optimizers;
import dev.hpo.trainer.model.TrainedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one trial end to end: validates the request, fetches the prepared data, builds and trains the network (once
 * per execution) and reports the kept epochs' metrics. Thread-confined: one trial at a time per instance (ND4J's
 * random generator and workspaces are per thread).
 */
public final class TrialRunner {

    /** What the trial's parameters ask for, resolved and validated before any data is touched. */
    private record Plan(List<LayerSpec> layers, OptimizerSettings optimizer, TrainingSettings settings) {

        static Plan of(TrainerSection section, HyperParameters params) {
            Plan plan = new Plan(section.model().resolve(params), Optimizers.fromParams(params),
                    TrainingSettings.fromParams(params));
            Set<String> known = new HashSet<>(section.model().parameterNames());
            known.addAll(Optimizers.PARAMETER_NAMES);
            known.addAll(TrainingSettings.PARAMETER_NAMES);
            params.requireKnown(known);
            return plan;
        }
    }

    /** One training of the plan with one seed. */
    private record Execution(Map<String, Double> metrics, int epochs, boolean stopped, MultiLayerNetwork network,
                             String device) {
    }

    private final DatasetCache cache;
    private final TrainingDevice device;

    /** A runner on the CPU. */
    public TrialRunner(DatasetCache cache) {
        this(cache, TrainingDevice.CPU);
    }

    /** Also switches ND4J to its plain kernels for the whole process (see {@link TrainingLoop#preferPlainKernels}). */
    public TrialRunner(DatasetCache cache, TrainingDevice device) {
        this.cache = cache;
        this.device = device;
        TrainingLoop.preferPlainKernels();
    }

    /**
     * Trains and evaluates one trial: {@code executionsPerTrial} trainings with seeds seed, seed + 1, ..., their
     * metrics averaged; a refit trains once on the development rows and returns the model. The same request gives the
     * same metrics on CPU when ND4J runs single-threaded ({@code OMP_NUM_THREADS=1}).
     *
     * @param listener      called after each epoch, epochs numbered on across executions (with an {@code execution}
     *                      metric when there are several); may be null
     * @param stopRequested polled between epochs and every few batches; may be null
     * @throws TrialException for a bad parameter, trainer section or data set, naming the field and value, or for a
     *                        training that diverged
     */
    public TrialOutcome run(TrialRequest request, EpochListener listener, BooleanSupplier stopRequested) {
        TrainerSection section = TrainerSection.parse(request.trainer());
        Plan plan = Plan.of(section, new HyperParameters(request.params()));
        PreparedData data = cache.get(section.dataset(), section.split(), section.refit());
        EpochListener epochs = listener == null ? (epoch, metrics) -> { } : listener;
        BooleanSupplier stop = stopRequested == null ? () -> false : stopRequested;
        int executions = section.refit() ? 1 : section.executions();
        List<Map<String, Double>> results = new ArrayList<>();
        int trained = 0;
        Execution last = null;
        try {
            for (int i = 0; i < executions && (last == null || !last.stopped()); i++) {
                last = execute(plan, section, data, request.seed() + i, numbered(epochs, executions, i + 1, trained),
                        stop);
                trained += last.epochs();
                if (!last.metrics().isEmpty()) {
                    results.add(last.metrics());
                }
            }
        } catch (RuntimeException e) {
            device.afterFailure(e);
            throw e;
        }
        TrainedModel model = section.refit() && !last.stopped() ? new TrainedModel(last.network(), data.scaler()) : null;
        return new TrialOutcome(mean(results), trained, last.device(), last.stopped(), model);
    }

    /**
     * "cpu", or the GPU the steps run on, e.g. "cuda:0 NVIDIA H100 80GB HBM3 sm_90". A trial whose network the GPU
     * step lacks trains on the CPU, and its outcome says so.
     */
    public String device() {
        return device.describe();
    }

    private Execution execute(Plan plan, TrainerSection section, PreparedData data, long seed,
                                     EpochListener listener, BooleanSupplier stop) {
        Dataset train = data.train();
        int positives = train.positives();
        double outputBias = Math.log((double) positives / (train.rows() - positives));
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork network = NetworkBuilder.build(plan.layers(), train.columns(), plan.optimizer(),
                section.classWeights().forTraining(train), outputBias, seed);
        Nd4j.getRandom().setSeed(seed);
        boolean refit = section.refit();
        TrainingLoop.Result result = new TrainingLoop(network, new MiniBatches(train, plan.settings().batchSize(), seed),
                refit ? train : data.validation(), refit ? "dev_" : "val_", refit ? null : section.earlyStopping(),
                plan.settings().epochs(), plan.optimizer().weightDecay() > 0, device).run(listener, stop);
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        if (!metrics.isEmpty()) {
            if (!refit) {
                metrics.put("best_epoch", (double) result.keptEpoch());
            }
            if (data.test().rows() > 0) {
                metrics.putAll(BinaryMetrics.evaluate("test_", data.test().labels(),
                        TrainingLoop.predict(network, TrainingLoop.matrix(data.test()))));
            }
        }
        return new Execution(metrics, result.epochs(), result.stopped(), network, result.device());
    }

    /** Numbers epochs on across executions and tags them with the execution when there are several. */
    private static EpochListener numbered(EpochListener listener, int executions, int execution, int epochsBefore) {
        if (executions == 1) {
            return listener;
        }
        return (epoch, metrics) -> {
            Map<String, Double> tagged = new LinkedHashMap<>(metrics);
            tagged.put("execution", (double) execution);
            listener.onEpoch(epochsBefore + epoch, Collections.unmodifiableMap(tagged));
        };
    }

    /** The mean of each metric over the executions that completed an epoch. */
    private static Map<String, Double> mean(List<Map<String, Double>> results) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (Map<String, Double> result : results) {
            result.forEach((name, value) -> mean.merge(name, value / results.size(), Double::sum));
        }
        return Collections.unmodifiableMap(mean);
    }
}
