package io.atrium.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML (or JSON) into {@link Node}s, turning every short tag into its long form:
 * {@code !Ref X} into {@code {Ref: X}}, {@code !GetAtt A.B} into {@code {Fn::GetAtt: [A, B]}},
 * {@code !Condition C} into {@code {Condition: C}} and {@code !Sub}, {@code !Join}, ... into {@code Fn::*}.
 */
public final class TemplateReader {

    private static final Set<String> FUNCTION_TAGS = Set.of("Sub", "GetAtt", "ImportValue", "Join", "Select",
            "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "Base64", "GetAZs", "Cidr", "Transform",
            "Length", "ToJsonString");

    private TemplateReader() {
    }

    public static MapNode read(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(displayName, "cannot read template: " + e, e);
        }
        return parse(text, displayName);
    }

    public static MapNode parse(String yaml, String displayName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        org.yaml.snakeyaml.nodes.Node root;
        try (Reader reader = new StringReader(yaml)) {
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new TemplateException(new Location(displayName, line, ""), "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException | IOException e) {
            throw new TemplateException(displayName, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new TemplateException(displayName, "the template is empty", null);
        }
        Node node = convert(root, new Location(displayName, line(root), ""));
        if (!(node instanceof MapNode map)) {
            throw node.error("a template must be a map of sections");
        }
        return map;
    }

    private static int line(org.yaml.snakeyaml.nodes.Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static Node convert(org.yaml.snakeyaml.nodes.Node yaml, Location at) {
        Tag tag = yaml.getTag();
        String t = tag.getValue();
        if (t.startsWith("!") && !t.startsWith("!!")) {
            return shortForm(t.substring(1), yaml, at);
        }
        return plain(yaml, at);
    }

    private static Node plain(org.yaml.snakeyaml.nodes.Node yaml, Location at) {
        if (yaml instanceof MappingNode m) {
            Map<String, Node> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : m.getValue()) {
                org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode keyScalar)) {
                    throw new TemplateException(at.child("?", line(keyNode)), "map keys must be plain text");
                }
                String key = keyScalar.getValue();
                Location childAt = at.child(key, line(keyNode));
                Node value = convert(tuple.getValueNode(), childAt);
                if (key.equals("<<") && value instanceof MapNode merged) {
                    merged.entries().forEach(entries::putIfAbsent);
                    continue;
                }
                if (entries.put(key, value) != null) {
                    throw new TemplateException(childAt, "duplicate key '" + key + "'");
                }
            }
            return new MapNode(at, entries);
        }
        if (yaml instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            int i = 0;
            for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
                items.add(convert(item, at.item(i++, line(item))));
            }
            return new ListNode(at, items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) yaml;
        return new ScalarNode(at, scalarValue(scalar));
    }

    private static Object scalarValue(org.yaml.snakeyaml.nodes.ScalarNode s) {
        String raw = s.getValue();
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            String v = raw.toLowerCase();
            return v.equals("true") || v.equals("yes") || v.equals("on");
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.parseLong(raw.replace("_", ""));
            } catch (NumberFormatException e) {
                return raw; // hex, octal, sexagesimal: keep what the author wrote
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(raw.replace("_", ""));
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw; // strings, and timestamps such as an unquoted policy Version: 2012-10-17
    }

    private static Node shortForm(String name, org.yaml.snakeyaml.nodes.Node yaml, Location at) {
        Node content = plain(yaml, at);
        switch (name) {
            case "Ref" -> {
                // a function only under AWS::LanguageExtensions (e.g. !Ref {Fn::Sub: '${Tier}Plan'} in a loop)
                return new MapNode(at, Map.of("Ref", content instanceof MapNode m && m.isIntrinsic() ? content
                        : requireScalar(content, "!Ref")));
            }
            case "Condition" -> {
                return new MapNode(at, Map.of("Condition", requireScalar(content, "!Condition")));
            }
            case "GetAtt" -> {
                if (content instanceof ScalarNode s) {
                    String text = s.text();
                    int dot = text.indexOf('.');
                    if (dot <= 0 || dot == text.length() - 1) {
                        throw content.error("!GetAtt needs LogicalId.Attribute, found '" + text + "'");
                    }
                    Location inner = at.child("Fn::GetAtt", at.line());
                    ListNode list = new ListNode(inner, List.of(
                            new ScalarNode(inner.item(0, at.line()), text.substring(0, dot)),
                            new ScalarNode(inner.item(1, at.line()), text.substring(dot + 1))));
                    return new MapNode(at, Map.of("Fn::GetAtt", list));
                }
                return new MapNode(at, Map.of("Fn::GetAtt", content));
            }
            default -> {
                if (!FUNCTION_TAGS.contains(name)) {
                    throw content.error("unknown tag !" + name);
                }
                return new MapNode(at, Map.of("Fn::" + name, content));
            }
        }
    }

    private static Node requireScalar(Node content, String tag) {
        if (!(content instanceof ScalarNode)) {
            throw content.error(tag + " takes a plain name");
        }
        return content;
    }
}
