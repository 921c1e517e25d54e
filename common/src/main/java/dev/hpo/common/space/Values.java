package dev.hpo.common.space;

/** Equality of parameter values across the number types that JSON and YAML decoding produce. */
public final class Values {

    private Values() {
    }

    /** True when both are numbers of equal value (1 == 1.0L), or equal otherwise. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a != null && a.equals(b);
    }
}
