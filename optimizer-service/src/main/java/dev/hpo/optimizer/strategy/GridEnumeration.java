package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import dev.hpo.common.space.SearchSpace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Cartesian product of a discrete search space in a fixed order (the first parameter varies slowest), with a
 * conditional parameter present only where its condition holds, so that no configuration appears twice.
 */
public final class GridEnumeration {

    private final List<Parameter> parameters;
    private final long[] levels;
    /** Whether a later parameter's condition reads this one, so that its value decides what follows. */
    private final boolean[] referenced;

    /** @throws IllegalArgumentException naming the first float parameter without a step */
    public GridEnumeration(SearchSpace space) {
        this.parameters = space.parameters();
        this.levels = new long[parameters.size()];
        this.referenced = new boolean[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p instanceof FloatParameter f && f.step().isEmpty()) {
                throw new IllegalArgumentException(
                        "grid search needs a step or values for float parameter " + p.name());
            }
            levels[i] = levelCount(p);
            p.when().ifPresent(c -> c.equals().keySet().forEach(ref -> markReferenced(ref)));
        }
    }

    /** Whether every parameter of {@code space} takes finitely many values. */
    public static boolean isDiscrete(SearchSpace space) {
        return space.parameters().stream().noneMatch(p -> p instanceof FloatParameter f && f.step().isEmpty());
    }

    /**
     * The number of configurations.
     *
     * @throws ArithmeticException when it exceeds {@link Long#MAX_VALUE}
     */
    public long size() {
        return count(0, new LinkedHashMap<>());
    }

    /** Hands each configuration in order to {@code visitor} until it returns false. */
    public void forEach(Predicate<Map<String, Object>> visitor) {
        visit(0, new LinkedHashMap<>(), visitor);
    }

    private void markReferenced(String name) {
        for (int j = 0; j < parameters.size(); j++) {
            if (parameters.get(j).name().equals(name)) {
                referenced[j] = true;
            }
        }
    }

    private long count(int i, Map<String, Object> assignment) {
        if (i == parameters.size()) {
            return 1;
        }
        Parameter p = parameters.get(i);
        if (!SearchSpace.isActive(p, assignment)) {
            return count(i + 1, assignment);
        }
        if (!referenced[i]) {
            // No later condition reads this value, so every level is followed by the same sub-grid.
            return Math.multiplyExact(levels[i], count(i + 1, assignment));
        }
        long total = 0;
        for (long k = 0; k < levels[i]; k++) {
            assignment.put(p.name(), level(p, k));
            total = Math.addExact(total, count(i + 1, assignment));
        }
        assignment.remove(p.name());
        return total;
    }

    private boolean visit(int i, LinkedHashMap<String, Object> assignment, Predicate<Map<String, Object>> visitor) {
        if (i == parameters.size()) {
            return visitor.test(Collections.unmodifiableMap(new LinkedHashMap<>(assignment)));
        }
        Parameter p = parameters.get(i);
        if (!SearchSpace.isActive(p, assignment)) {
            return visit(i + 1, assignment, visitor);
        }
        boolean more = true;
        for (long k = 0; k < levels[i] && more; k++) {
            assignment.put(p.name(), level(p, k));
            more = visit(i + 1, assignment, visitor);
        }
        assignment.remove(p.name());
        return more;
    }

    private static long levelCount(Parameter p) {
        if (p instanceof IntParameter ip) {
            return ip.size();
        } else if (p instanceof FloatParameter fp) {
            return fp.size();
        } else if (p instanceof ChoiceParameter cp) {
            return cp.values().size();
        } else {
            return 2;
        }
    }

    private static Object level(Parameter p, long k) {
        if (p instanceof IntParameter ip) {
            return ip.valueAt(k);
        } else if (p instanceof FloatParameter fp) {
            return fp.valueAt(k);
        } else if (p instanceof ChoiceParameter cp) {
            return cp.values().get((int) k);
        } else if (p instanceof BooleanParameter) {
            return k == 1;
        }
        throw new IllegalStateException("unknown parameter type " + p);
    }
}
