package dev.hpo.common.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.Condition;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a spec back in the form {@link StudySpecParser} reads, with every default made explicit. */
public final class StudySpecJson {

    private StudySpecJson() {
    }

    public static ObjectNode write(StudySpec spec) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("name", spec.name());
        if (spec.multiObjective()) {
            ArrayNode objectives = root.putArray("objectives");
            for (Objective o : spec.objectives()) {
                ObjectNode n = objectives.addObject().put("metric", o.metric()).put("direction", lower(o.direction()));
                Double reference = spec.references().get(o.metric());
                if (reference != null) {
                    n.put("reference", reference);
                }
            }
        } else {
            root.putObject("objective").put("metric", spec.objective().metric())
                    .put("direction", lower(spec.objective().direction()));
        }
        StrategySpec s = spec.strategy();
        ObjectNode strategy = root.putObject("strategy").put("type", lower(s.type()))
                .put("acquisition", lower(s.acquisition())).put("xi", s.xi()).put("kappa", s.kappa())
                .put("seed", s.seed());
        if (s.initialPoints() != null) {
            strategy.put("initialPoints", s.initialPoints());
        }
        root.putObject("budget").put("maxTrials", spec.budget().maxTrials())
                .put("parallelism", spec.budget().parallelism())
                .put("executionsPerTrial", spec.budget().executionsPerTrial());
        root.put("workerPool", spec.workerPool());
        ObjectNode space = root.putObject("searchSpace");
        for (Parameter p : spec.searchSpace().parameters()) {
            space.set(p.name(), parameter(p));
        }
        root.set("trainer", spec.trainer().deepCopy());
        if (spec.refitSelect() == null) {
            root.put("finalRefit", spec.finalRefit());
        } else {
            root.putObject("finalRefit").put("select", spec.refitSelect());
        }
        if (!spec.warmStartFrom().isEmpty()) {
            ArrayNode ids = root.putArray("warmStartFrom");
            spec.warmStartFrom().forEach(ids::add);
        }
        if (!spec.constraints().isEmpty()) {
            ArrayNode constraints = root.putArray("constraints");
            for (OutcomeConstraint c : spec.constraints()) {
                ObjectNode n = constraints.addObject().put("metric", c.metric());
                if (c.min() != null) {
                    n.put("min", c.min());
                }
                if (c.max() != null) {
                    n.put("max", c.max());
                }
            }
        }
        EarlyStopping e = spec.earlyStopping();
        if (e != null) {
            root.putObject("earlyStopping").put("type", lower(e.type())).put("minEpochs", e.minEpochs())
                    .put("minTrials", e.minTrials()).put("reductionFactor", e.reductionFactor());
        }
        return root;
    }

    private static ObjectNode parameter(Parameter p) {
        ObjectNode n = Json.mapper().createObjectNode();
        if (p instanceof IntParameter i) {
            n.put("type", "int").put("min", i.min()).put("max", i.max()).put("step", i.step());
        } else if (p instanceof FloatParameter f) {
            n.put("type", "float").put("min", f.min()).put("max", f.max());
            f.step().ifPresent(st -> n.put("step", st));
            if (f.log()) {
                n.put("log", true);
            }
        } else if (p instanceof ChoiceParameter c) {
            n.put("type", "choice");
            n.set("values", values(c.values()));
        } else if (p instanceof BooleanParameter) {
            n.put("type", "boolean");
        }
        p.when().ifPresent(c -> n.set("when", condition(c)));
        return n;
    }

    private static ObjectNode condition(Condition c) {
        ObjectNode n = Json.mapper().createObjectNode();
        for (Map.Entry<String, List<Object>> e : c.equals().entrySet()) {
            n.set(e.getKey(), values(e.getValue()));
        }
        return n;
    }

    private static ArrayNode values(List<Object> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(v -> a.add(Json.mapper().valueToTree(v)));
        return a;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
