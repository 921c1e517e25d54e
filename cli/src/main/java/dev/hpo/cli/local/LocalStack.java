package dev.hpo.cli.local;

import dev.hpo.localkafka.ClientSecurity;
import dev.hpo.localkafka.DetachedCommand;
import dev.hpo.localkafka.FreePorts;
import dev.hpo.localkafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Starts, heals, scales, stops and reports the local stack: a Kafka broker, R optimizer replicas and K trainers as
 * detached
 * processes that outlive the JVM that started them, recorded in {@code <stateDir>/state.json}.
 *
 * <p>The broker keeps its data in {@code <stateDir>/kafka} across {@link #down()} and {@link #up(int)},
 * so studies survive a restart; delete that folder to start afresh.
 *
 * <p>A stack started {@link #withSecureKafka(boolean) secured} has a broker that takes clients on SASL_SSL only
 * (SCRAM-SHA-512, optionally client certificates), and services that get the settings through their
 * environment. Its broker directory stays secured, like its data, until that folder is deleted.
 */
public final class LocalStack {

    /** Environment variable that overrides the default state directory. */
    public static final String STATE_DIR_ENV = "HPO_STATE_DIR";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int DEFAULT_API_PORT = 8080;
    private static final int DEFAULT_TRAINERS = 2;

    private final Path stateDir;
    private final ServiceCommands commands;
    private final Map<String, String> brokerProperties;
    private final Map<String, String> serviceEnvironment;
    private final Consumer<String> progress;
    private final boolean secureKafka;
    private final boolean mutualTls;

    /** Returns a stack recorded in {@code stateDir} whose services {@code commands} start. */
    public LocalStack(Path stateDir, ServiceCommands commands) {
        this(stateDir, commands, Map.of(), Map.of(), message -> { }, false, false);
    }

    private LocalStack(Path stateDir, ServiceCommands commands, Map<String, String> brokerProperties,
            Map<String, String> serviceEnvironment, Consumer<String> progress, boolean secureKafka, boolean mutualTls) {
        this.stateDir = stateDir.toAbsolutePath();
        this.commands = commands;
        this.brokerProperties = Map.copyOf(brokerProperties);
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        this.progress = progress;
        this.secureKafka = secureKafka;
        this.mutualTls = mutualTls;
    }

    /** Returns the stack of the repository at {@code home}: its service jars, its default state directory. */
    public static LocalStack forHome(Path home) {
        return new LocalStack(defaultStateDir(home), ServiceCommands.jars(home));
    }

    /** Returns {@value #STATE_DIR_ENV} if set, else {@code <home>/.hpo/local}. */
    public static Path defaultStateDir(Path home) {
        String configured = System.getenv(STATE_DIR_ENV);
        return configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".hpo").resolve("local");
    }

    /** Returns a copy whose broker also gets {@code properties}, e.g. {@code group.share.delivery.count.limit}. */
    public LocalStack withBrokerProperties(Map<String, String> properties) {
        return new LocalStack(stateDir, commands, properties, serviceEnvironment, progress, secureKafka, mutualTls);
    }

    /** Returns a copy that adds {@code environment} to every service's environment, overriding the stack's own. */
    public LocalStack withServiceEnvironment(Map<String, String> environment) {
        return new LocalStack(stateDir, commands, brokerProperties, environment, progress, secureKafka, mutualTls);
    }

    /** Returns a copy that reports each step of {@link #up(int)} and {@link #down()} to {@code progress}. */
    public LocalStack withProgress(Consumer<String> progress) {
        return new LocalStack(stateDir, commands, brokerProperties, serviceEnvironment, progress, secureKafka,
                mutualTls);
    }

    /**
     * Returns a copy whose {@link #up(int)} secures the broker: SASL_SSL with SCRAM-SHA-512 and, with
     * {@code mutualTls}, client certificates required. The services get the settings as {@code KAFKA_*} variables
     * ({@link KafkaClientEnvironment}).
     */
    public LocalStack withSecureKafka(boolean mutualTls) {
        return new LocalStack(stateDir, commands, brokerProperties, serviceEnvironment, progress, true, mutualTls);
    }

    /** Returns how clients reach the broker if its directory is secured (now or by an earlier up), else empty. */
    public Optional<ClientSecurity> kafkaSecurity() {
        return LocalKafka.clientSecurity(brokerDirectory());
    }

    /** Returns the directory of {@code state.json}, {@code logs/} and {@code kafka/}. */
    public Path stateDir() {
        return stateDir;
    }

    /** Returns the recorded state, or empty if the stack is not up. */
    public Optional<StackState> status() {
        return new StateFile(stateDir).read();
    }

    /** Starts the broker, one optimizer and {@code trainers} trainers: {@link #up(int, int)} with one optimizer. */
    public RunningStack up(int trainers) {
        return up(trainers, 1);
    }

    /**
     * Starts the broker, {@code optimizers} optimizer replicas and {@code trainers} trainers, and returns once
     * every one answers its readiness check (a replica is ready once it recovered the studies of the partitions
     * Kafka first assigned it). On failure everything started is stopped again.
     *
     * @throws IllegalStateException if the stack is already up, or a process fails or is not ready
     *     within 120 s (the message holds the tail of its log)
     */
    public synchronized RunningStack up(int trainers, int optimizers) {
        checkCounts(trainers, optimizers);
        StateFile stateFile = new StateFile(stateDir);
        Optional<StackState> previous = stateFile.read();
        if (previous.isPresent() && previous.get().anyRunning()) {
            throw new IllegalStateException("The local stack in " + stateDir + " is already up; run ./hpo local down first");
        }
        // Built first, so that a missing service jar fails before anything runs.
        commands.optimizer();
        if (trainers > 0) {
            commands.trainer();
        }
        createDirectories(logs());
        StackState brokerOnly = startBroker();
        stateFile.write(brokerOnly);
        try {
            StackState state = startServices(brokerOnly, trainers, optimizers, stateFile);
            progress.accept("waiting for " + (optimizers == 1 ? "the optimizer" : optimizers + " optimizers") + " and "
                    + trainers + " trainer(s) to be ready");
            awaitStarted(services(state), state);
            return new RunningStack(this, state);
        } catch (RuntimeException e) {
            // The state file lists every process started so far, also those of a half-finished step.
            stop(stateFile.read().orElse(brokerOnly));
            stateFile.delete();
            throw e;
        }
    }

    /**
     * Brings the stack to what is asked and returns it: not up (or every process gone), {@link #up(int, int)}
     * with {@code trainers} (default 2) and {@code optimizers} (default 1); up, every recorded process that is gone
     * started again on its port (the broker first, on its data), then the trainers and the optimizer replicas
     * grown or shrunk to the counts asked (null: as recorded). A trainer or replica taken away is the
     * highest-numbered one, stopped with SIGTERM (a trainer gives its trial back to the share group). Reports
     * each change to the progress consumer and waits as {@link #up(int, int)} does for what it started.
     */
    public synchronized RunningStack ensure(Integer trainers, Integer optimizers) {
        StateFile stateFile = new StateFile(stateDir);
        Optional<StackState> previous = stateFile.read();
        if (previous.isEmpty() || !previous.get().anyRunning()) {
            return up(trainers != null ? trainers : DEFAULT_TRAINERS, optimizers != null ? optimizers : 1);
        }
        checkCounts(trainers != null ? trainers : 0, optimizers != null ? optimizers : 1);
        StackState state = previous.get();
        int wantedTrainers = trainers != null ? trainers : state.trainers().size();
        int wantedOptimizers = optimizers != null ? optimizers : state.optimizers().size();
        createDirectories(logs());
        StackProcess broker = state.process(StackState.KAFKA)
                .orElseThrow(() -> new IllegalStateException(stateFile + " records no Kafka broker"));
        if (!broker.running()) {
            progress.accept("Kafka (pid " + broker.pid() + ") is gone: starting it again on port " + broker.port());
            state = state.replace(startBroker(broker.port(), controllerPort()).processes().get(0));
            stateFile.write(state);
        }
        List<StackProcess> surplus = new ArrayList<>();
        surplus.addAll(tail(state.trainers(), wantedTrainers));
        surplus.addAll(tail(state.optimizers(), wantedOptimizers));
        if (!surplus.isEmpty()) {
            progress.accept("stopping " + surplus.stream().map(StackProcess::name).collect(Collectors.joining(", ")));
            ProcessStopper.stop(surplus, STOP_GRACE);
            state = state.without(surplus);
            stateFile.write(state);
        }
        List<StackProcess> started = new ArrayList<>();
        for (StackProcess service : services(state)) {
            if (!service.running()) {
                progress.accept(service.name() + " (pid " + service.pid() + ") is gone: starting it again on port "
                        + service.port());
                StackProcess fresh = startService(service.name(), service.port(), state.bootstrap());
                state = state.replace(fresh);
                stateFile.write(state);
                started.add(fresh);
            }
        }
        int nextTrainer = state.trainers().stream().mapToInt(p -> index(p.name())).max().orElse(0) + 1;
        for (int i = state.trainers().size(); i < wantedTrainers; i++, nextTrainer++) {
            StackProcess fresh = startNew(StackState.TRAINER_PREFIX + nextTrainer, state.bootstrap());
            state = state.with(fresh);
            stateFile.write(state);
            started.add(fresh);
        }
        for (int i = state.optimizers().size() + 1; i <= wantedOptimizers; i++) {
            StackProcess fresh = startNew(StackState.optimizerName(i), state.bootstrap());
            state = state.with(fresh);
            stateFile.write(state);
            started.add(fresh);
        }
        if (!started.isEmpty()) {
            progress.accept("waiting for " + started.stream().map(StackProcess::name)
                    .collect(Collectors.joining(", ")) + " to be ready");
            awaitStarted(started, state);
        }
        return new RunningStack(this, state);
    }

    private static void checkCounts(int trainers, int optimizers) {
        if (trainers < 0) {
            throw new IllegalArgumentException("trainers must be >= 0, got " + trainers);
        }
        if (optimizers < 1) {
            throw new IllegalArgumentException("optimizers must be >= 1, got " + optimizers);
        }
    }

    /** The processes of {@code numbered} (in start order) past the first {@code keep}: the ones to stop. */
    private static List<StackProcess> tail(List<StackProcess> numbered, int keep) {
        List<StackProcess> sorted = numbered.stream().sorted(Comparator.comparingInt(p -> index(p.name()))).toList();
        return sorted.size() > keep ? sorted.subList(keep, sorted.size()) : List.of();
    }

    /** The number in {@code trainer-3} or {@code optimizer-2}; 1 for {@code optimizer}. */
    private static int index(String name) {
        int dash = name.lastIndexOf('-');
        return dash < 0 ? 1 : Integer.parseInt(name.substring(dash + 1));
    }

    /** Waits until every process among {@code started} is ready. */
    private void awaitStarted(List<StackProcess> started, StackState state) {
        new ServiceReadiness().await(started, READY_TIMEOUT);
    }

    /**
     * Stops every process of the recorded stack, services first and the broker last, and removes
     * {@code state.json}.
     *
     * @return the processes of the stack, or empty if it was not up
     */
    public synchronized List<StackProcess> down() {
        StateFile stateFile = new StateFile(stateDir);
        Optional<StackState> state = stateFile.read();
        state.ifPresent(this::stop);
        stateFile.delete();
        return state.map(StackState::processes).orElse(List.of());
    }

    /**
     * Starts a process of the recorded stack (the broker or a service) again on its port, after it died or was
     * stopped, records the new pid and waits until it is ready; its log continues in the same file, and the
     * broker keeps its data.
     *
     * @throws IllegalStateException if the stack is not up, or the service is still running
     */
    public synchronized StackState restart(String name) {
        StateFile stateFile = new StateFile(stateDir);
        StackState state = stateFile.read().orElseThrow(() -> new IllegalStateException("the local stack is not up"));
        StackProcess old = state.processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " in the local stack"));
        if (ProcessHandle.of(old.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException(name + " (pid " + old.pid() + ") is still running");
        }
        // The broker is ready when start returns; a service is awaited below, after its pid is recorded.
        StackProcess fresh = name.equals(StackState.KAFKA)
                ? startBroker(old.port(), controllerPort()).processes().get(0)
                : startService(name, old.port(), state.bootstrap());
        state = state.replace(fresh);
        stateFile.write(state);
        if (!name.equals(StackState.KAFKA)) {
            new ServiceReadiness().await(List.of(fresh), READY_TIMEOUT);
        }
        return state;
    }

    /**
     * A new broker on free ports, its directory secured first if asked; see {@link #startBroker(int, int)}. A
     * directory secured before starts secured whether asked or not: its clients' SCRAM user lives in its storage.
     */
    private StackState startBroker() {
        if (secureKafka) {
            LocalKafka.secure(brokerDirectory(), mutualTls);
        }
        StackState state = startBroker(0, 0);
        kafkaSecurity().ifPresent(s -> progress.accept("Kafka is secured: " + ClientSecurity.PROTOCOL + " with "
                + ClientSecurity.MECHANISM + " as " + s.username() + (s.mutualTls() ? " and a client certificate" : "")
                + "; the services get the settings as KAFKA_* variables"));
        return state;
    }

    private Path brokerDirectory() {
        return stateDir.resolve("kafka");
    }

    /**
     * Starts the broker on {@code port} and {@code controllerPort} (0: free ones) in the stack's directory; a
     * directory formatted before keeps its topics, so a restarted broker has every record it had.
     */
    private StackState startBroker(int port, int controllerPort) {
        progress.accept("starting Kafka (log " + logs().resolve("kafka.log") + ")");
        LocalKafka.Builder builder = LocalKafka.builder()
                .detached(true)
                .port(port)
                .controllerPort(controllerPort)
                .directory(stateDir.resolve("kafka"))
                .logFile(logs().resolve("kafka.log"));
        brokerProperties.forEach(builder::brokerProperty);
        LocalKafka kafka = builder.start();
        int started = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        StackProcess broker = new StackProcess(StackState.KAFKA, kafka.pid(), kafka.logFile().toString(), started);
        return new StackState(null, kafka.bootstrapServers(), List.of(broker));
    }

    /** The controller port the stack's broker was configured with, read back from its server.properties. */
    private int controllerPort() {
        Path file = stateDir.resolve("kafka").resolve("server.properties");
        java.util.Properties props = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker's configuration " + file, e);
        }
        String voters = props.getProperty("controller.quorum.voters", "");
        return Integer.parseInt(voters.substring(voters.lastIndexOf(':') + 1));
    }

    /**
     * A service's own variables: a trainer's name in results, and one OpenMP thread (several times faster for these
     * small networks, and stable when the trainers share the cores; see STACK.md); an optimizer replica's name.
     */
    private static Map<String, String> environment(String name) {
        return StackState.isOptimizer(name) ? Map.of("HPO_REPLICA_ID", name)
                : Map.of("OMP_NUM_THREADS", "1", "HPO_WORKER_ID", name);
    }

    private StackState startServices(StackState state, int trainers, int optimizers, StateFile stateFile) {
        List<Integer> ports = FreePorts.pick(trainers + optimizers);
        int apiPort = FreePorts.isFree(DEFAULT_API_PORT) ? DEFAULT_API_PORT : ports.get(0);
        progress.accept("starting the optimizer on port " + apiPort);
        StackProcess optimizer = startService(StackState.OPTIMIZER, apiPort, state.bootstrap());
        state = new StackState("http://127.0.0.1:" + apiPort, state.bootstrap(), state.processes()).with(optimizer);
        stateFile.write(state);
        for (int i = 2; i <= optimizers; i++) {
            String name = StackState.optimizerName(i);
            progress.accept("starting " + name + " on port " + ports.get(trainers + i - 1));
            state = state.with(startService(name, ports.get(trainers + i - 1), state.bootstrap()));
            stateFile.write(state);
        }
        for (int i = 1; i <= trainers; i++) {
            String name = StackState.TRAINER_PREFIX + i;
            progress.accept("starting " + name + " on port " + ports.get(i));
            state = state.with(startService(name, ports.get(i), state.bootstrap()));
            stateFile.write(state);
        }
        return state;
    }

    /** Starts service {@code name}, new to the stack, on a free port. */
    private StackProcess startNew(String name, String bootstrap) {
        int port = FreePorts.pick(1).get(0);
        progress.accept("starting " + name + " on port " + port);
        return startService(name, port, bootstrap);
    }

    /** Starts service {@code name} (an optimizer replica or a trainer) on {@code port}. */
    private StackProcess startService(String name, int port, String bootstrap) {
        List<String> command = StackState.isOptimizer(name) ? commands.optimizer() : commands.trainer();
        return startService(name, command, port, bootstrap, environment(name));
    }

    private StackProcess startService(String name, List<String> command, int port, String bootstrap,
            Map<String, String> environment) {
        Path log = logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(DetachedCommand.of(command))
                .directory(commands.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("KAFKA_BOOTSTRAP", bootstrap);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        kafkaSecurity().ifPresent(security -> env.putAll(KafkaClientEnvironment.of(security)));
        env.putAll(serviceEnvironment);
        builder.environment().putAll(env);
        try {
            return new StackProcess(name, builder.start().pid(), log.toString(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " with " + command, e);
        }
    }

    private void stop(StackState state) {
        List<StackProcess> services = services(state);
        progress.accept("stopping " + services.size() + " service(s)");
        ProcessStopper.stop(services, STOP_GRACE);
        progress.accept("stopping Kafka");
        ProcessStopper.stop(state.processes().stream().filter(p -> p.name().equals(StackState.KAFKA)).toList(),
                STOP_GRACE);
    }

    private static List<StackProcess> services(StackState state) {
        return state.processes().stream().filter(p -> !p.name().equals(StackState.KAFKA)).toList();
    }

    private Path logs() {
        return stateDir.resolve("logs");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
