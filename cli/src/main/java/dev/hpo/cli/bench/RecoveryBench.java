package dev.hpo.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.StudyClient;
import dev.hpo.cli.local.LocalStack;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.cli.local.RunningStack;
import dev.hpo.cli.local.ServiceCommands;
import dev.hpo.cli.local.ServiceOwnership;
import dev.hpo.cli.local.StackProcess;
import dev.hpo.cli.local.StackState;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.StudyEvent;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.message.TrialTopics;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecJson;
import dev.hpo.common.study.StudySpecParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hpo bench recovery}: how long an optimizer replica takes to be ready on a long history, and how long a
 * handover takes. It starts the local broker and one optimizer (which creates the topics), stops the optimizer,
 * writes a history straight to the topics as the optimizer and the workers would have (F finished studies of T
 * trials with their results, L live ones half done with one trial in flight), starts the optimizer again and times
 * it until ready; then starts a second replica, waits until the two share the partitions, SIGKILLs the first and
 * times until the second owns every partition. Today's recovery replays the history of the partitions it is
 * assigned from the beginning, so these are the figures that snapshots (issue 19, point 3) are to bring down.
 */
@Command(name = "hpo bench recovery", mixinStandardHelpOptions = true,
        description = "Time to ready and handover time of optimizer replicas on a long history in Kafka.")
public final class RecoveryBench implements Callable<Integer> {

    @Option(names = "--finished", defaultValue = "1000", description = "finished studies (default ${DEFAULT-VALUE})")
    int finished;

    @Option(names = "--live", defaultValue = "100", description = "running studies (default ${DEFAULT-VALUE})")
    int live;

    @Option(names = "--trials", defaultValue = "100",
            description = "trials (and results) per finished study (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--json", description = "also print the figures as one JSON line")
    boolean json;

    private static final Pattern RECOVERED = Pattern.compile(
            "recovered (\\d+) studies \\((\\d+) trials, (\\d+) results\\) of partitions \\[[^]]*] from Kafka in (\\d+) ms");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(20);

    private final Path home;
    private final PrintStream out;

    RecoveryBench(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, RepoHome.locate(), System.out));
    }

    /** Runs the bench with {@code args} on the repository at {@code home}; returns the exit code. */
    public static int run(String[] args, Path home, PrintStream out) {
        return new CommandLine(new RecoveryBench(home, out)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (finished < 0 || live < 0 || finished + live < 1 || trials < 2) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--finished and --live must be >= 0 with at least one study, --trials >= 2");
        }
        Path stateDir = Files.createTempDirectory("hpo-bench-recovery-");
        LocalStack stack = new LocalStack(stateDir, ServiceCommands.jars(home)).withProgress(out::println);
        Thread down = new Thread(stack::down, "recovery-bench-down");
        Runtime.getRuntime().addShutdownHook(down);
        Map<String, Object> figures = new LinkedHashMap<>();
        try (RunningStack running = stack.up(0, 1)) {
            StackProcess first = running.state().optimizers().get(0);
            kill(first);
            long written = System.nanoTime();
            long records = writeHistory(running.kafkaClientProperties());
            figures.put("historyRecords", records);
            figures.put("writeSeconds", (System.nanoTime() - written) / 1e9);

            long restarted = System.nanoTime();
            running.restart(StackState.OPTIMIZER);
            figures.put("readySeconds", (System.nanoTime() - restarted) / 1e9);
            StackProcess optimizer = running.state().optimizers().get(0);
            recoveryLog(optimizer, figures, "replay", false);
            figures.put("studiesListed", new StudyClient(running.apiUrl(), null).list().size());

            RunningStack two = stack.ensure(null, 2);
            StackProcess second = two.state().optimizers().stream().filter(p -> !p.name().equals(optimizer.name()))
                    .findFirst().orElseThrow();
            long shareDeadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (owned(second) == 0 || owned(optimizer) == 12) {
                if (System.nanoTime() > shareDeadline) {
                    throw new IllegalStateException("the two replicas did not share the partitions");
                }
                Thread.sleep(200);
            }
            int before = owned(second);
            long killed = System.nanoTime();
            kill(optimizer);
            while (owned(second) < 12) {
                if (System.nanoTime() - killed > READY_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("the second replica did not take every partition over");
                }
                Thread.sleep(100);
            }
            figures.put("handoverSeconds", (System.nanoTime() - killed) / 1e9);
            figures.put("handedOverPartitions", 12 - before);
            recoveryLog(second, figures, "handoverReplay", true);
        }
        Runtime.getRuntime().removeShutdownHook(down);
        out.println(table(figures));
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("finished", finished).put("live", live).put("trials", trials);
            figures.forEach((k, v) -> root.set(k, Json.mapper().valueToTree(v)));
            out.println(root);
        }
        return 0;
    }

    /**
     * Writes the history: per study its created event, trials and results (each finished study's T, each live
     * one's T / 2 and one more trial in flight), and a finished event. Returns the records written.
     */
    private long writeHistory(Map<String, String> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String trialTopic = TrialTopics.name("dl4j");
        Random random = new Random(1);
        long records = 0;
        int studies = finished + live;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < studies; i++) {
                boolean done = i < finished;
                String id = "history-" + i;
                StudySpec spec = StudySpecParser.parse(spec(i));
                ObjectNode specJson = StudySpecJson.write(spec);
                Instant created = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 60L);
                producer.send(new ProducerRecord<>("hpo.studies", id,
                        MessageCodec.encode(StudyEvent.created(id, specJson, created))));
                int issued = done ? trials : trials / 2 + 1;
                int completed = done ? trials : trials / 2;
                for (int n = 0; n < issued; n++) {
                    Map<String, Object> params = Map.of("x1", -5 + 15 * random.nextDouble(), "x2", 15 * random.nextDouble());
                    String trialId = id + ".t" + n;
                    producer.send(new ProducerRecord<>(trialTopic, trialId, MessageCodec.encode(TrialMessage.of(id,
                            trialId, n, 1, params, spec.objective(), Json.mapper().createObjectNode(),
                            created.plusSeconds(n)))));
                    if (n < completed) {
                        producer.send(new ProducerRecord<>("hpo.results", id, MessageCodec.encode(ResultMessage.of(id,
                                trialId, 1, TrialStatus.COMPLETED, Map.of(Branin.METRIC, Branin.at(params)), 1, 1,
                                "history", "cpu", null))));
                        records++;
                    }
                    records++;
                }
                if (done) {
                    producer.send(new ProducerRecord<>("hpo.studies", id, MessageCodec.encode(StudyEvent.ended(id,
                            StudyEvent.Type.FINISHED, specJson, "budget of " + trials + " trials spent", created,
                            created.plusSeconds(trials)))));
                    records++;
                }
                records++;
                if ((i + 1) % Math.max(1, studies / 10) == 0) {
                    out.printf("history: %d of %d studies written (%d records)%n", i + 1, studies, records);
                }
            }
            producer.flush();
        }
        return records;
    }

    private String spec(int i) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("name", "history-" + i);
        spec.putObject("objective").put("metric", Branin.METRIC).put("direction", "minimize");
        spec.putObject("strategy").put("type", "random").put("seed", i + 1);
        spec.putObject("budget").put("maxTrials", trials).put("parallelism", 1);
        spec.put("finalRefit", false);
        ObjectNode space = spec.putObject("searchSpace");
        space.putObject("x1").put("type", "float").put("min", -5.0).put("max", 10.0);
        space.putObject("x2").put("type", "float").put("min", 0.0).put("max", 15.0);
        return spec.toString();
    }

    /**
     * The replica's recovery log lines, summed (or the last one alone): studies, trials and results replayed,
     * milliseconds.
     */
    private void recoveryLog(StackProcess p, Map<String, Object> figures, String prefix, boolean lastOnly)
            throws IOException {
        long studies = 0;
        long trialsRead = 0;
        long results = 0;
        long millis = 0;
        for (String line : Files.readAllLines(Path.of(p.log()))) {
            Matcher m = RECOVERED.matcher(line);
            if (m.find()) {
                if (lastOnly) {
                    studies = 0;
                    trialsRead = 0;
                    results = 0;
                    millis = 0;
                }
                studies += Long.parseLong(m.group(1));
                trialsRead += Long.parseLong(m.group(2));
                results += Long.parseLong(m.group(3));
                millis += Long.parseLong(m.group(4));
            }
        }
        figures.put(prefix + "Studies", studies);
        figures.put(prefix + "Trials", trialsRead);
        figures.put(prefix + "Results", results);
        figures.put(prefix + "Seconds", millis / 1000.0);
    }

    /** How many partitions the replica owns, from its readiness data; 0 while it is not ready. */
    private static int owned(StackProcess p) {
        return ServiceOwnership.ownedPartitions(p.port()).size();
    }

    private static void kill(StackProcess p) throws Exception {
        ProcessHandle h = ProcessHandle.of(p.pid()).orElseThrow();
        h.destroyForcibly();
        h.onExit().get();
    }

    private String table(Map<String, Object> figures) {
        dev.hpo.cli.demo.Table t = new dev.hpo.cli.demo.Table(List.of("figure", "value"));
        figures.forEach((k, v) -> t.add(List.of(k, String.valueOf(v))));
        return String.format("%nrecovery: %d finished studies x %d trials, %d live%n", finished, trials, live) + t.text();
    }
}
