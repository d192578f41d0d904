package io.atrium.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code AWS::LanguageExtensions} transform's {@code Fn::ForEach}, expanded the way CloudFormation (and SAM
 * CLI's {@code cfn_language_extensions}) expand it before SAM's transform: in {@code Conditions}, {@code Resources}
 * and {@code Outputs}, at any depth, a key {@code Fn::ForEach::Name: [Identifier, [values], {OutputKey: fragment}]}
 * becomes one copy of the fragment per value, with {@code ${Identifier}} (the value) and {@code &{Identifier}}
 * (the value without non-alphanumerics) replaced in every key and string, and {@code {Ref: Identifier}} replaced by
 * the value. A collection must be a literal list here; anything else stops the start with template and line.
 */
final class LanguageExtensions {

    static final String TRANSFORM = "AWS::LanguageExtensions";
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");

    private LanguageExtensions() {
    }

    /** Expands every {@code Fn::ForEach} of {@code root} in place. */
    static void expand(MapNode root) {
        boolean declared = transforms(root).contains(TRANSFORM);
        for (String section : SECTIONS) {
            if (root.get(section) instanceof MapNode map) {
                root.entries().put(section, expandMap(map, declared));
            }
        }
    }

    private static Set<String> transforms(MapNode root) {
        Node transform = root.get("Transform");
        if (transform instanceof ListNode list) {
            return Set.copyOf(list.items().stream().map(Node::asText).toList());
        }
        return transform == null ? Set.of() : Set.of(transform.asText());
    }

    private static Node expandNode(Node node, boolean declared) {
        if (node instanceof MapNode map) {
            return declared ? foldNameFunction(expandMap(map, true)) : expandMap(map, false);
        }
        if (node instanceof ListNode list) {
            return new ListNode(list.location(), list.items().stream().map(n -> expandNode(n, declared)).toList());
        }
        return node;
    }

    private static MapNode expandMap(MapNode map, boolean declared) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (!e.getKey().startsWith(FOR_EACH)) {
                out.put(e.getKey(), expandNode(e.getValue(), declared));
                continue;
            }
            if (!declared) {
                throw e.getValue().error(e.getKey() + " needs 'Transform: [" + TRANSFORM + ", ...]'");
            }
            loop(e.getValue()).forEach((key, copy) -> add(out, key, expandNode(copy, declared)));
        }
        return new MapNode(map.location(), out);
    }

    /** One loop's output: each value's copy of the fragment's keys, in collection order. */
    private static Map<String, Node> loop(Node forEach) {
        ListNode args = forEach.asList();
        if (args.size() != 3) {
            throw forEach.error("Fn::ForEach takes [Identifier, Collection, {OutputKey: OutputValue}]");
        }
        String identifier = args.get(0).asText();
        if (!(args.get(1) instanceof ListNode collection)) {
            throw args.get(1).error("the local runtime expands Fn::ForEach over a literal list only");
        }
        MapNode fragment = args.get(2).asMap();
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node item : collection) {
            String value = item.asText();
            for (Map.Entry<String, Node> e : fragment.entries().entrySet()) {
                Node copy = substitute(e.getValue(), identifier, value);
                if (e.getKey().startsWith(FOR_EACH)) {
                    loop(copy).forEach((key, inner) -> add(out, key, inner));
                } else if (e.getKey().contains("${" + identifier + "}") || e.getKey().contains("&{" + identifier + "}")) {
                    add(out, substitute(e.getKey(), identifier, value), copy);
                } else {
                    throw e.getValue().error("the OutputKey '" + e.getKey() + "' must use ${" + identifier + "} or &{"
                            + identifier + "}");
                }
            }
        }
        return out;
    }

    private static void add(Map<String, Node> out, String key, Node value) {
        if (out.put(key, value) != null) {
            throw value.error("Fn::ForEach makes '" + key + "' twice");
        }
    }

    private static Node substitute(Node node, String identifier, String value) {
        if (node instanceof ScalarNode scalar) {
            return scalar.value() instanceof String s ? new ScalarNode(scalar.location(), substitute(s, identifier, value))
                    : scalar;
        }
        if (node instanceof ListNode list) {
            return new ListNode(list.location(), list.items().stream().map(n -> substitute(n, identifier, value)).toList());
        }
        MapNode map = node.asMap();
        if (map.entries().size() == 1 && map.get("Ref") instanceof ScalarNode ref && identifier.equals(ref.text())) {
            return new ScalarNode(map.location(), value);
        }
        Map<String, Node> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(substitute(k, identifier, value), substitute(v, identifier, value)));
        return new MapNode(map.location(), out);
    }

    /**
     * With the transform, {@code Ref} and {@code Fn::GetAtt} take a function for the logical id; a loop's copies use
     * {@code Fn::Sub} of a name with no variable left, e.g. {@code !Ref {Fn::Sub: BasicUsagePlan}}: folded to the name.
     */
    private static MapNode foldNameFunction(MapNode map) {
        if (map.entries().size() != 1) {
            return map;
        }
        Map.Entry<String, Node> call = map.entries().entrySet().iterator().next();
        if (call.getKey().equals("Ref") && literalSub(call.getValue()) != null) {
            return new MapNode(map.location(), Map.of("Ref", literalSub(call.getValue())));
        }
        if (call.getKey().equals("Fn::GetAtt") && call.getValue() instanceof ListNode args && args.size() == 2
                && literalSub(args.get(0)) != null) {
            ListNode folded = new ListNode(args.location(), List.of(literalSub(args.get(0)), args.get(1)));
            return new MapNode(map.location(), Map.of("Fn::GetAtt", folded));
        }
        return map;
    }

    /** {@code {Fn::Sub: "Name"}} with no {@code ${...}} left: the name; otherwise null. */
    private static ScalarNode literalSub(Node node) {
        if (node instanceof MapNode m && m.entries().size() == 1 && m.get("Fn::Sub") instanceof ScalarNode text
                && text.value() instanceof String s && !s.contains("${")) {
            return text;
        }
        return null;
    }

    private static String substitute(String text, String identifier, String value) {
        return text.replace("${" + identifier + "}", value)
                .replace("&{" + identifier + "}", value.replaceAll("[^A-Za-z0-9]", ""));
    }
}
