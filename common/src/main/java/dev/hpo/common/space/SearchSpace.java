package dev.hpo.common.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered set of parameters. Conditions may only refer to parameters declared earlier, so one pass in
 * declaration order decides which parameters are active.
 */
public record SearchSpace(List<Parameter> parameters) {

    public SearchSpace {
        parameters = List.copyOf(parameters);
        List<String> seen = new ArrayList<>();
        for (Parameter p : parameters) {
            if (seen.contains(p.name())) {
                throw new IllegalArgumentException("duplicate parameter " + p.name());
            }
            p.when().ifPresent(c -> c.equals().keySet().forEach(ref -> {
                if (!seen.contains(ref)) {
                    throw new IllegalArgumentException(p.name() + ".when refers to " + ref
                            + ", which is not a parameter declared before it");
                }
            }));
            seen.add(p.name());
        }
    }

    public int size() {
        return parameters.size();
    }

    public Optional<Parameter> get(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether {@code p} is active given the values chosen so far. */
    public static boolean isActive(Parameter p, Map<String, Object> assignment) {
        return p.when().map(c -> c.holds(assignment)).orElse(true);
    }

    /**
     * Keeps only the parameters of {@code candidate} that are active under their conditions, in declaration
     * order. A parameter whose condition fails is dropped, and so is everything conditioned on it.
     */
    public Map<String, Object> activeOnly(Map<String, Object> candidate) {
        Map<String, Object> active = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (isActive(p, active) && candidate.containsKey(p.name())) {
                active.put(p.name(), candidate.get(p.name()));
            }
        }
        return active;
    }

    /**
     * Problems with a full assignment: a missing active parameter, an illegal value, or a value for an
     * inactive or unknown parameter. Empty when the assignment is valid.
     */
    public List<String> check(Map<String, Object> assignment) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> active = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            boolean on = isActive(p, active);
            Object v = assignment.get(p.name());
            if (on && v == null) {
                problems.add(p.name() + " is missing");
            } else if (on && !p.contains(v)) {
                problems.add(p.name() + " (" + v + ") is not a legal value");
            } else if (!on && v != null) {
                problems.add(p.name() + " (" + v + ") is given but inactive under its condition");
            }
            if (on && v != null) {
                active.put(p.name(), v);
            }
        }
        for (String name : assignment.keySet()) {
            if (get(name).isEmpty()) {
                problems.add(name + " is not a parameter of the search space");
            }
        }
        return problems;
    }
}
