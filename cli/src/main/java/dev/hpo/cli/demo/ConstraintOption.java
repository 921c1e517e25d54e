package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.OutcomeConstraint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo's {@code --constraint METRIC>=X} or {@code METRIC<=X}: an outcome constraint as a reader writes it. */
final class ConstraintOption {

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*(>=|<=)\\s*(\\S+)\\s*");

    private ConstraintOption() {
    }

    /** Parses {@code val_precision>=0.75}; anything else is refused with a message naming the flag and the text. */
    static OutcomeConstraint parse(String text) {
        Matcher m = FORM.matcher(text);
        double bound = m.matches() ? number(m.group(3)) : Double.NaN;
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("--constraint (" + text + ") must be METRIC>=NUMBER or METRIC<=NUMBER,"
                    + " e.g. val_precision>=0.75");
        }
        return ">=".equals(m.group(2)) ? new OutcomeConstraint(m.group(1), bound, null)
                : new OutcomeConstraint(m.group(1), null, bound);
    }

    /** The spec's form: {@code {metric: val_precision, min: 0.75}}. */
    static ObjectNode json(OutcomeConstraint c) {
        ObjectNode node = Json.mapper().createObjectNode().put("metric", c.metric());
        if (c.min() != null) {
            node.put("min", c.min());
        }
        if (c.max() != null) {
            node.put("max", c.max());
        }
        return node;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
