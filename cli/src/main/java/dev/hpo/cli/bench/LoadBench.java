package dev.hpo.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.bench.LoadAudit.StudyOutcome;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.RunningStack;
import dev.hpo.cli.local.ServiceCommands;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.TrialTopics;
import dev.hpo.localkafka.ShareGroupConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hpo bench load}: a local broker, R real optimizer replicas and W stub workers in this process; S
 * concurrent Bayesian studies of T trials on Branin; then the figures of {@link LoadFigures} and the audit of
 * {@link LoadAudit}. Exits 1 if the audit finds a trial lost or doubled, or a study not finished exactly.
 */
@Command(name = "hpo bench load", mixinStandardHelpOptions = true,
        description = "Many concurrent Bayesian studies on the local stack's optimizer replicas, stub workers.")
public final class LoadBench implements Callable<Integer> {

    @Option(names = "--studies", defaultValue = "20", description = "concurrent studies (default ${DEFAULT-VALUE})")
    int studies;

    @Option(names = "--trials", defaultValue = "50", description = "trials per study (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--workers", defaultValue = "200",
            description = "stub workers, at most 1000 (a share group's limit; default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--replicas", defaultValue = "1", description = "optimizer replicas (default ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--parallelism", defaultValue = "1",
            description = "trials in flight per study (default ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--initial-points", description = "Sobol points before the GP (default: the engine's)")
    Integer initialPoints;

    @Option(names = "--kill-replica-at", paramLabel = "SECONDS",
            description = "SIGKILL the replica owning the most partitions this long after the studies are created")
    Integer killAt;

    @Option(names = "--session-timeout", paramLabel = "SECONDS",
            description = "the optimizers' group session timeout, HPO_SESSION_TIMEOUT (default: theirs, 10 s; the "
                    + "broker takes 6 to 300)")
    Integer sessionTimeout;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "MINUTES",
            description = "give up waiting for the studies after this (default ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Option(names = "--pool", defaultValue = "dl4j", description = "worker pool (default ${DEFAULT-VALUE})")
    String pool;

    @Option(names = "--json", description = "also print the figures as one JSON line")
    boolean json;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Path home;
    private final PrintStream out;

    LoadBench(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, RepoHome.locate(), System.out));
    }

    /** Runs the bench with {@code args} on the repository at {@code home}; returns the exit code. */
    public static int run(String[] args, Path home, PrintStream out) {
        return new CommandLine(new LoadBench(home, out)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (studies < 1 || trials < 1 || workers < 1 || workers > 1000 || replicas < 1 || parallelism < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--studies, --trials, --replicas and --parallelism must be >= 1, --workers 1..1000");
        }
        Path stateDir = Files.createTempDirectory("hpo-bench-load-");
        // A share group takes 200 members unless the broker says more (group.share.max.size, at most 1000).
        LocalStack stack = new LocalStack(stateDir, ServiceCommands.jars(home)).withProgress(out::println)
                .withBrokerProperties(Map.of("group.share.max.size", Integer.toString(Math.max(200, workers))))
                .withServiceEnvironment(sessionTimeout == null ? Map.of()
                        : Map.of("HPO_SESSION_TIMEOUT", sessionTimeout + "s"));
        // Ctrl-C or a kill of this JVM stops the detached broker and replicas too.
        Thread down = new Thread(stack::down, "load-bench-down");
        Runtime.getRuntime().addShutdownHook(down);
        LoadFigures figures;
        try (RunningStack running = stack.up(0, replicas)) {
            figures = measure(running);
        }
        Runtime.getRuntime().removeShutdownHook(down);
        out.print(figures.table());
        if (json) {
            out.println(figures.json());
        }
        if (figures.audit().clean()) {
            deleteTree(stateDir);
        } else {
            out.println("audit failed; the logs are in " + stateDir.resolve("logs"));
        }
        return figures.audit().clean() ? 0 : 1;
    }

    private LoadFigures measure(RunningStack running) throws Exception {
        Map<String, String> client = running.kafkaClientProperties();
        String topic = TrialTopics.name(pool);
        String group = "hpo-workers-" + pool;
        prepareQueue(client, topic, group);
        out.println("starting " + workers + " stub workers in share group " + group);
        try (StubWorkers stubs = new StubWorkers(client, group, topic);
             ReplicaWatch watch = new ReplicaWatch(running.state().optimizers())) {
            stubs.start(workers);
            watch.awaitCovered(Duration.ofMinutes(2));
            Supplier<List<StudyClient>> api = () -> ownerApis(running, watch);
            long start = System.currentTimeMillis();
            List<String> ids = new ArrayList<>();
            // Round robin over the replicas: each places a study it is sent in one of its own partitions.
            List<StudyClient> creators = api.get();
            for (int i = 0; i < studies; i++) {
                ids.add(creators.get(i % creators.size()).create(spec(i), false).path("id").asText());
            }
            out.printf("created %d studies of %d trials in %d ms%n", studies, trials, System.currentTimeMillis() - start);
            Kill kill = awaitStudies(api, ids, stubs, watch, start);
            long end = System.currentTimeMillis();
            stubs.close();
            if (stubs.failed() > 0) {
                out.println(stubs.failed() + " of " + workers + " stub workers stopped on an error, the last: "
                        + stubs.failure());
            }
            watch.close();
            Map<String, StudyOutcome> outcomes = outcomes(api.get(), ids);
            TopicLog log = TopicLog.read(client, topic, StubTopics.RESULTS);
            TrialFlow flow = TrialFlow.of(log);
            return new LoadFigures(this, end - start, flow, LoadAudit.of(log, outcomes, trials), watch.figures(),
                    1 - stubs.busy().toMillis() / ((double) workers * (end - start)),
                    kill == null ? null : kill.handover(watch.coverage(), log));
        }
    }

    /**
     * The APIs of the replicas the watch sees ready: each answers for the studies it owns. While none is (a
     * handover of everything), the first replica's, which then answers with an error.
     */
    private static List<StudyClient> ownerApis(RunningStack running, ReplicaWatch watch) {
        List<String> owners = watch.owners();
        List<StudyClient> apis = running.state().optimizers().stream().filter(p -> owners.contains(p.name()))
                .map(p -> new StudyClient("http://127.0.0.1:" + p.port(), null)).toList();
        return apis.isEmpty() ? List.of(new StudyClient(running.apiUrl(), null)) : apis;
    }

    /** The trial topic as the trainers make it, and the share group at the earliest offset (ShareGroups). */
    private static void prepareQueue(Map<String, String> client, String topic, String group) throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(client))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(TrialTopics.PARTITIONS), Optional.empty())))
                    .all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ShareGroupConfig.apply(client, group, Map.of(ShareGroupConfig.AUTO_OFFSET_RESET, "earliest"));
    }

    private String spec(int i) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("name", "load-" + (i + 1));
        spec.putObject("objective").put("metric", Branin.METRIC).put("direction", "minimize");
        ObjectNode strategy = spec.putObject("strategy").put("type", "bayesian").put("seed", i + 1);
        if (initialPoints != null) {
            strategy.put("initialPoints", initialPoints);
        }
        spec.putObject("budget").put("maxTrials", trials).put("parallelism", parallelism);
        spec.put("finalRefit", false);
        spec.put("workerPool", pool);
        ObjectNode space = spec.putObject("searchSpace");
        space.putObject("x1").put("type", "float").put("min", -5.0).put("max", 10.0);
        space.putObject("x2").put("type", "float").put("min", 0.0).put("max", 15.0);
        return spec.toString();
    }

    /** Waits until no study runs, printing progress and killing a replica when asked; returns the kill. */
    private Kill awaitStudies(Supplier<List<StudyClient>> api, List<String> ids, StubWorkers stubs, ReplicaWatch watch, long start)
            throws InterruptedException {
        long deadline = start + TimeUnit.MINUTES.toMillis(timeoutMinutes);
        long nextProgress = start + PROGRESS_EVERY.toMillis();
        long lastTaken = 0;
        Kill kill = null;
        while (true) {
            long now = System.currentTimeMillis();
            if (killAt != null && kill == null && now - start >= killAt * 1000L && watch.largestOwner() != null) {
                kill = Kill.of(watch);
                out.printf("[%4d s] SIGKILL %s (pid %d), the replica owning the most partitions%n",
                        (now - start) / 1000, kill.replica(), watch.pid(kill.replica()));
            }
            long running = running(api.get(), ids);
            if (running == 0) {
                return kill;
            }
            if (now >= nextProgress) {
                long taken = stubs.taken();
                out.printf("[%4d s] trials taken %d of %d (%.1f/s), completed %d, studies running %d of %d, "
                                + "partitions %s%n", (now - start) / 1000, taken, (long) studies * trials,
                        (taken - lastTaken) * 1000.0 / PROGRESS_EVERY.toMillis(), stubs.completed(), running, studies,
                        watch.covered() ? "all owned" : "some unowned");
                lastTaken = taken;
                nextProgress += PROGRESS_EVERY.toMillis();
            }
            if (now > deadline) {
                out.println("timed out after " + timeoutMinutes + " min with " + running + " studies running");
                return kill;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Studies of {@code ids} still running, from the lists of every replica (each lists the studies it owns); a
     * study no replica lists (its partition moving) counts as running.
     */
    private static long running(List<StudyClient> apis, List<String> ids) {
        java.util.Set<String> ended = new java.util.HashSet<>();
        for (StudyClient api : apis) {
            try {
                for (JsonNode s : api.list()) {
                    if (ids.contains(s.path("id").asText()) && !"RUNNING".equals(s.path("status").asText())) {
                        ended.add(s.path("id").asText());
                    }
                }
            } catch (RuntimeException e) {
                // gone or recovering: its studies count as running
            }
        }
        return ids.size() - ended.size();
    }

    /** Each study as the replica that owns it answers; UNKNOWN where none does. */
    private static Map<String, StudyOutcome> outcomes(List<StudyClient> apis, List<String> ids) {
        Map<String, StudyOutcome> outcomes = new LinkedHashMap<>();
        for (String id : ids) {
            outcomes.put(id, new StudyOutcome("UNKNOWN", 0));
            for (StudyClient api : apis) {
                try {
                    JsonNode s = api.study(id);
                    outcomes.put(id, new StudyOutcome(s.path("status").asText(),
                            s.path("counts").path("completed").asLong()));
                    break;
                } catch (RuntimeException e) {
                    // another replica's study
                }
            }
        }
        return outcomes;
    }

    /** The replica killed and when (epoch ms). */
    record Kill(String replica, long at) {

        static Kill of(ReplicaWatch watch) {
            String replica = watch.largestOwner();
            ProcessHandle.of(watch.pid(replica)).ifPresent(ProcessHandle::destroyForcibly);
            return new Kill(replica, System.currentTimeMillis());
        }

        /**
         * How the studies moved on: when every partition was seen owned again after a gap, and when another
         * replica first issued a trial of a study the killed one had issued trials for.
         */
        LoadFigures.Handover handover(List<ReplicaWatch.Coverage> coverage, TopicLog log) {
            long gap = coverage.stream().filter(c -> c.at() >= at && !c.complete()).mapToLong(ReplicaWatch.Coverage::at)
                    .min().orElse(-1);
            long ready = gap < 0 ? -1 : coverage.stream().filter(c -> c.at() >= gap && c.complete())
                    .mapToLong(c -> c.at() - at).min().orElse(-1);
            java.util.Set<String> orphaned = new java.util.HashSet<>();
            log.trials().stream().filter(t -> t.replica().equals(replica)).forEach(t -> orphaned.add(t.studyId()));
            long flow = log.trials().stream().filter(t -> t.at() >= at && orphaned.contains(t.studyId())
                    && !t.replica().equals(replica)).mapToLong(t -> t.at() - at).min().orElse(-1);
            return new LoadFigures.Handover(replica, ready, flow);
        }
    }

    int studies() {
        return studies;
    }

    int trials() {
        return trials;
    }

    int workers() {
        return workers;
    }

    int replicas() {
        return replicas;
    }

    int parallelism() {
        return parallelism;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
