package dev.hpo.common.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether larger or smaller values of the objective metric are better. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** Written in lower case on the wire, as in the spec. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** True when {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }
}
