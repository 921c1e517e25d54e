package dev.hpo.cli.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A local stack that {@link LocalStack#up(int)} started; closing it stops every process. */
public final class RunningStack implements AutoCloseable {

    private final LocalStack stack;
    private volatile StackState state;

    RunningStack(LocalStack stack, StackState state) {
        this.stack = stack;
        this.state = state;
    }

    /** Returns the optimizer's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String apiUrl() {
        return state.api();
    }

    /** Returns the Kafka bootstrap address, {@code 127.0.0.1:<port>}. */
    public String bootstrap() {
        return state.bootstrap();
    }

    /**
     * Returns what a Kafka client needs to reach the broker: {@code bootstrap.servers}, and the security settings
     * of a secured stack ({@link LocalStack#kafkaSecurity()}).
     */
    public Map<String, String> kafkaClientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrap());
        stack.kafkaSecurity().ifPresent(security -> props.putAll(security.kafkaProperties()));
        return props;
    }

    /** Returns every process, broker first, as recorded in {@code state.json}. */
    public StackState state() {
        return state;
    }

    /** Returns the broker's pid. */
    public long brokerPid() {
        return pidOf(StackState.KAFKA);
    }

    /** Returns the optimizer's pid. */
    public long optimizerPid() {
        return pidOf(StackState.OPTIMIZER);
    }

    /** Returns the trainers' pids, {@code trainer-1} first. */
    public List<Long> trainerPids() {
        return state.trainers().stream().map(StackProcess::pid).toList();
    }

    /** Starts service {@code name} again after it died or was killed ({@link LocalStack#restart}). */
    public void restart(String name) {
        state = stack.restart(name);
    }

    /** Starts again every process of the stack that is gone, as {@code ./hpo local up} does ({@link LocalStack#ensure}). */
    public void heal() {
        state = stack.ensure(null, null).state();
    }

    /** Stops the stack ({@link LocalStack#down()}). */
    @Override
    public void close() {
        stack.down();
    }

    private long pidOf(String name) {
        return state.processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(StackProcess::pid).orElseThrow();
    }
}
