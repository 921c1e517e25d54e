package dev.hpo.cli.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./hpo local up} started: the optimizer's API URL, the Kafka bootstrap address and the
 * processes, in start order (broker first).
 */
public record StackState(String api, String bootstrap, List<StackProcess> processes) {

    /** The broker's process name. */
    public static final String KAFKA = "kafka";
    /** The optimizer's process name; further replicas are {@code optimizer-2} and up. */
    public static final String OPTIMIZER = "optimizer";
    /** The prefix of the trainers' process names, {@code trainer-1} and up; also their worker id. */
    public static final String TRAINER_PREFIX = "trainer-";

    public StackState {
        processes = List.copyOf(processes);
    }

    /** Returns a copy with {@code process} appended. */
    StackState with(StackProcess process) {
        List<StackProcess> more = new ArrayList<>(processes);
        more.add(process);
        return new StackState(api, bootstrap, more);
    }

    /** Returns a copy with the process of the same name as {@code process} replaced by it. */
    StackState replace(StackProcess process) {
        return new StackState(api, bootstrap,
                processes.stream().map(p -> p.name().equals(process.name()) ? process : p).toList());
    }

    /** Returns a copy without {@code gone}. */
    StackState without(List<StackProcess> gone) {
        return new StackState(api, bootstrap, processes.stream().filter(p -> !gone.contains(p)).toList());
    }

    /** Returns the process named {@code name}, if the stack has one. */
    public Optional<StackProcess> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Returns the trainer processes in start order. */
    public List<StackProcess> trainers() {
        return processes.stream().filter(p -> p.name().startsWith(TRAINER_PREFIX)).toList();
    }

    /** Returns the optimizer replicas, {@code optimizer} first. */
    public List<StackProcess> optimizers() {
        return processes.stream().filter(p -> isOptimizer(p.name())).toList();
    }

    /** Whether {@code name} is an optimizer replica's: {@code optimizer}, {@code optimizer-2}, ... */
    static boolean isOptimizer(String name) {
        return name.equals(OPTIMIZER) || name.startsWith(OPTIMIZER + "-");
    }

    /** The name of the {@code i}-th optimizer replica (from 1): {@code optimizer}, then {@code optimizer-2}. */
    static String optimizerName(int i) {
        return i == 1 ? OPTIMIZER : OPTIMIZER + "-" + i;
    }

    /** Returns whether any process of the stack still runs. */
    public boolean anyRunning() {
        return processes.stream().anyMatch(StackProcess::running);
    }
}
