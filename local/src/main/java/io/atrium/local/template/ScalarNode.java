package io.atrium.local.template;

import java.math.BigDecimal;

/** A plain value: String, Long, Double, Boolean or null. */
public final class ScalarNode extends Node {

    private final Object value;

    public ScalarNode(Location location, Object value) {
        super(location);
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar " + value.getClass());
        }
        this.value = value;
    }

    public static ScalarNode of(Location location, Object value) {
        if (value instanceof Integer i) {
            return new ScalarNode(location, i.longValue());
        }
        if (value instanceof Number n && !(value instanceof Long) && !(value instanceof Double)) {
            return new ScalarNode(location, n.doubleValue());
        }
        return new ScalarNode(location, value);
    }

    public Object value() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    /** The value as CloudFormation turns it into a string ("" for null). */
    public String text() {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Override
    public Object toJava() {
        return value;
    }

    @Override
    public Node copy() {
        return this;
    }

    @Override
    String describe() {
        return value == null ? "null" : "'" + text() + "'";
    }

    @Override
    public String toString() {
        return text();
    }
}
