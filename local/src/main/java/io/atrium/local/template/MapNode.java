package io.atrium.local.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in source order. */
public final class MapNode extends Node {

    private final LinkedHashMap<String, Node> entries;

    public MapNode(Location location, Map<String, Node> entries) {
        super(location);
        this.entries = new LinkedHashMap<>(entries);
    }

    public Map<String, Node> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The child, or null. */
    public Node get(String key) {
        return entries.get(key);
    }

    public Optional<Node> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The child; a {@link TemplateException} naming this node when it is missing. */
    public Node require(String key) {
        Node n = entries.get(key);
        if (n == null) {
            throw error("missing required property '" + key + "'");
        }
        return n;
    }

    /** The child map, or an empty map located here when absent. */
    public MapNode mapOrEmpty(String key) {
        Node n = entries.get(key);
        return n == null ? new MapNode(location().child(key, location().line()), Map.of()) : n.asMap();
    }

    /** The text of the child, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Node n = entries.get(key);
        return n == null ? fallback : n.asText();
    }

    /** True when this map is one intrinsic function call ({@code Ref}, {@code Fn::*}, {@code Condition}). */
    public boolean isIntrinsic() {
        if (entries.size() != 1) {
            return false;
        }
        Map.Entry<String, Node> only = entries.entrySet().iterator().next();
        String k = only.getKey();
        return k.equals("Ref") || k.startsWith("Fn::") || (k.equals("Condition") && only.getValue() instanceof ScalarNode);
    }

    @Override
    public Object toJava() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            out.put(e.getKey(), e.getValue().toJava());
        }
        return out;
    }

    @Override
    public MapNode copy() {
        LinkedHashMap<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            out.put(e.getKey(), e.getValue().copy());
        }
        return new MapNode(location(), out);
    }

    @Override
    String describe() {
        return isIntrinsic() ? "an unresolved " + entries.keySet().iterator().next() : "a map";
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
