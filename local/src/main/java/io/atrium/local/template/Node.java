package io.atrium.local.template;

/**
 * One node of a template: a map, a list or a scalar, each knowing its {@link Location}. Short tags
 * ({@code !Ref}, {@code !Sub}, ...) are already turned into their long forms ({@code Ref}, {@code Fn::Sub}).
 */
public abstract sealed class Node permits MapNode, ListNode, ScalarNode {

    private final Location location;

    Node(Location location) {
        this.location = location;
    }

    public Location location() {
        return location;
    }

    /** A {@link TemplateException} pointing at this node. */
    public TemplateException error(String message) {
        return new TemplateException(location, message);
    }

    public MapNode asMap() {
        if (this instanceof MapNode m) {
            return m;
        }
        throw error("expected a map, found " + describe());
    }

    public ListNode asList() {
        if (this instanceof ListNode l) {
            return l;
        }
        throw error("expected a list, found " + describe());
    }

    public ScalarNode asScalar() {
        if (this instanceof ScalarNode s) {
            return s;
        }
        throw error("expected a plain value, found " + describe());
    }

    /** The value as text; numbers and booleans are written as CloudFormation writes them. */
    public String asText() {
        ScalarNode s = asScalar();
        if (s.value() == null) {
            throw error("expected a value, found null");
        }
        return s.text();
    }

    public int asInt() {
        ScalarNode s = asScalar();
        try {
            return Integer.parseInt(s.text().trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer, found '" + s.text() + "'");
        }
    }

    public boolean asBoolean() {
        ScalarNode s = asScalar();
        if (s.value() instanceof Boolean b) {
            return b;
        }
        String t = s.text().trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw error("expected true or false, found '" + t + "'");
    }

    /** The node as plain Java values: LinkedHashMap, ArrayList, String, Long, Double, Boolean or null. */
    public abstract Object toJava();

    /** The same node (deep copy) with every location kept. */
    public abstract Node copy();

    abstract String describe();

    /** What {@code Fn::Equals} compares: a scalar's text, else the plain Java value. */
    Object comparable() {
        return this instanceof ScalarNode s ? s.text() : toJava();
    }
}
