package io.atrium.local.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A YAML sequence. */
public final class ListNode extends Node implements Iterable<Node> {

    private final List<Node> items;

    public ListNode(Location location, List<Node> items) {
        super(location);
        this.items = new ArrayList<>(items);
    }

    public List<Node> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        if (index < 0 || index >= items.size()) {
            throw error("expected at least " + (index + 1) + " items, found " + items.size());
        }
        return items.get(index);
    }

    @Override
    public Iterator<Node> iterator() {
        return items.iterator();
    }

    @Override
    public Object toJava() {
        List<Object> out = new ArrayList<>(items.size());
        for (Node n : items) {
            out.add(n.toJava());
        }
        return out;
    }

    @Override
    public ListNode copy() {
        List<Node> out = new ArrayList<>(items.size());
        for (Node n : items) {
            out.add(n.copy());
        }
        return new ListNode(location(), out);
    }

    @Override
    String describe() {
        return "a list";
    }

    @Override
    public String toString() {
        return items.toString();
    }

    /** The items' texts joined by {@code delimiter} (as {@code Fn::Join} does). */
    public String join(String delimiter) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(get(i).asText());
        }
        return sb.toString();
    }
}
