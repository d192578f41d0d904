package io.atrium.local.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's parameter values as one stack sees them: samconfig's override, else the {@code Default}; SSM-typed
 * parameters read through {@link DynamicReferences}; {@code AllowedValues}, {@code AllowedPattern} and
 * {@code Number} checked; list types split. Not thread-safe: its {@link TemplateResolver} serialises calls.
 */
final class ParameterValues {

    private final Map<String, String> given;
    private final DynamicReferences dynamic;
    private final Map<String, String> ssmValues = new HashMap<>();

    ParameterValues(Map<String, String> given, DynamicReferences dynamic) {
        this.given = given;
        this.dynamic = dynamic;
    }

    Node value(String name, Node declNode) {
        MapNode decl = declNode.asMap();
        String type = decl.require("Type").asText();
        String raw = given.get(name);
        Node at = declNode;
        if (raw == null) {
            Node def = decl.get("Default");
            if (def == null) {
                throw declNode.error("parameter '" + name + "' has no Default and samconfig.toml gives no value");
            }
            raw = def instanceof ListNode l ? l.join(",") : def.asText();
            at = def;
        }
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            raw = ssm(name, raw, at);
        }
        check(name, decl, raw, at);
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")
                || type.startsWith("AWS::SSM::Parameter::Value<List<")
                || type.startsWith("AWS::SSM::Parameter::Value<CommaDelimitedList")) {
            List<Node> items = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                items.add(new ScalarNode(at.location(), part));
            }
            return new ListNode(at.location(), items);
        }
        if (type.equals("Number")) {
            try {
                Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw at.error("parameter '" + name + "' is a Number, but its value is '" + raw + "'");
            }
        }
        return new ScalarNode(at.location(), raw);
    }

    private String ssm(String name, String ssmName, Node at) {
        String value = ssmValues.get(ssmName);
        if (value == null) {
            value = dynamic.ssmParameter(ssmName);
            if (value == null) {
                throw at.error("parameter '" + name + "' reads SSM parameter '" + ssmName
                        + "', which no started stack declares");
            }
            ssmValues.put(ssmName, value);
        }
        return value;
    }

    private static void check(String name, MapNode decl, String value, Node at) {
        Node allowed = decl.get("AllowedValues");
        if (allowed != null) {
            List<String> values = new ArrayList<>();
            for (Node v : allowed.asList()) {
                values.add(v.asText());
            }
            if (!values.contains(value)) {
                throw at.error("parameter '" + name + "' is '" + value + "', not one of its AllowedValues " + values);
            }
        }
        Node pattern = decl.get("AllowedPattern");
        if (pattern != null && !value.matches(pattern.asText())) {
            throw at.error("parameter '" + name + "' is '" + value + "', which does not match its AllowedPattern "
                    + pattern.asText());
        }
    }
}
