package dev.hpo.trainer.worker;

import dev.hpo.trainer.gpu.TrainerDevice;
import dev.hpo.trainer.messaging.ControlListener;
import dev.hpo.trainer.messaging.ShareGroups;
import dev.hpo.trainer.messaging.TrialQueue;
import dev.hpo.trainer.messaging.WorkerPublisher;
import dev.hpo.trainer.metrics.WorkerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.hpo.trainer.training.DatasetCache;
import dev.hpo.trainer.training.TrialRunner;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the worker loop on its own thread when the trainer starts and stops it on shutdown. SmallRye has no
 * share-consumer support, hence a plain thread (STACK.md).
 */
@ApplicationScoped
public class WorkerService {

    private static final Logger LOG = Logger.getLogger(WorkerService.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "hpo.worker.id")
    String workerId;

    @ConfigProperty(name = "hpo.worker.pool")
    String pool;

    @ConfigProperty(name = "hpo.worker.lock-renew-interval")
    Duration renewEvery;

    @ConfigProperty(name = "hpo.artifacts.dir")
    java.nio.file.Path artifactsDir;

    @ConfigProperty(name = "hpo.worker.trial-time-limit")
    Duration timeLimit;

    @ConfigProperty(name = "hpo.worker.delivery-limit")
    int deliveryLimit;

    @ConfigProperty(name = "hpo.worker.fault-injection", defaultValue = "false")
    boolean faultInjection;

    @ConfigProperty(name = "hpo.worker.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "hpo.worker.device", defaultValue = "auto")
    String deviceChoice;

    private volatile TrialWorker worker;
    private volatile Thread thread;
    private WorkerPublisher publisher;
    private TrialQueue queue;
    private ControlListener control;
    private volatile String deviceProblem;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("worker disabled (hpo.worker.enabled=false)");
            return;
        }
        TrainerDevice device = TrainerDevice.select(deviceChoice);
        if (device.problem().isPresent()) {
            // No device, no trials: stay up and not ready (WorkerHealth) with this one line, rather than exit and
            // restart in a loop on a node that has no GPU to give.
            deviceProblem = device.problem().get();
            WorkerMetrics.registerDevice(registry, "none", "none");
            LOG.errorf("not taking trials: %s", deviceProblem);
            return;
        }
        LOG.infof("training on %s (%s)", device.describe(), device.note());
        String group = ShareGroups.forPool(pool);
        ShareGroups.prepare(kafkaConfig, pool);
        publisher = new WorkerPublisher(kafkaConfig);
        queue = new TrialQueue(kafkaConfig, group, ShareGroups.topic(pool));
        publisher.bindMetrics(registry);
        queue.bindMetrics(registry);
        TrialRunner runner = new TrialRunner(new DatasetCache(), device);
        control = new ControlListener(kafkaConfig, workerId, (trialId, reason) -> {
            if (worker.stopTrial(trialId, reason)) {
                LOG.infof("stopping trial %s: %s", trialId, reason);
            }
        });
        worker = new TrialWorker(queue, publisher, runner,
                new WorkerSettings(workerId, renewEvery, timeLimit, deliveryLimit, faultInjection),
                new Artifacts(artifactsDir), control);
        TrialWorker w = worker;
        WorkerMetrics.registerDevice(registry, device.describe(), device.gpu() ? "cuda" : "nd4j-native");
        w.observe(new WorkerMetrics(registry, w::busy));
        thread = new Thread(worker, "worker-" + workerId);
        thread.start();
        new Thread(control, "control-" + workerId).start();
        LOG.infof("worker %s consuming %s in share group %s", workerId, ShareGroups.topic(pool), group);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker == null) {
            return;
        }
        control.close();
        worker.stop();
        thread.join(Duration.ofSeconds(30).toMillis());
        queue.close();
        publisher.close();
    }

    /** The running worker loop, or null when it is disabled or not started yet. */
    public TrialWorker worker() {
        return worker;
    }

    public Duration renewInterval() {
        return renewEvery;
    }

    /** Why this trainer takes no trials (it has no device), or null. */
    public String deviceProblem() {
        return deviceProblem;
    }

    public boolean alive() {
        return thread != null && thread.isAlive();
    }
}
