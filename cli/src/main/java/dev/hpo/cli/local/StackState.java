package dev.hpo.cli.local;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./hpo local up} started: the optimizer's API URL, the Kafka bootstrap address and the
 * processes, in start order (broker first).
 */
public record StackState(String api, String bootstrap, List<StackProcess> processes) {

    /** The broker's process name. */
    public static final String KAFKA = "kafka";
    /** The optimizer's process name. */
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

    /** Returns the trainer processes in start order. */
    public List<StackProcess> trainers() {
        return processes.stream().filter(p -> p.name().startsWith(TRAINER_PREFIX)).toList();
    }

    /** Returns whether any process of the stack still runs. */
    public boolean anyRunning() {
        return processes.stream().anyMatch(StackProcess::running);
    }
}
