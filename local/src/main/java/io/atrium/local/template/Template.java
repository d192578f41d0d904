package io.atrium.local.template;

import io.atrium.local.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CloudFormation/SAM template, short tags already in long form and SAM {@code Globals} already
 * merged into each resource's {@code Properties} the way SAM merges them (see {@link #mergeGlobals}).
 */
public final class Template {

    /** Globals section name -> the resource type it applies to. */
    static final Map<String, String> GLOBAL_SECTIONS = Map.of(
            "Function", "AWS::Serverless::Function",
            "Api", "AWS::Serverless::Api",
            "HttpApi", "AWS::Serverless::HttpApi",
            "SimpleTable", "AWS::Serverless::SimpleTable",
            "LayerVersion", "AWS::Serverless::LayerVersion");

    private final Path file;
    private final String name;
    private final MapNode root;

    private Template(Path file, String name, MapNode root) {
        this.file = file;
        this.name = name;
        this.root = root;
        LanguageExtensions.expand(root);
        mergeGlobals();
    }

    /** Reads {@code file}; messages name it relative to the repository root when it lies under it. */
    public static Template read(Path file) {
        return read(file, ProjectLayout.displayName(file));
    }

    public static Template read(Path file, String displayName) {
        return new Template(file.toAbsolutePath().normalize(), displayName, TemplateReader.read(file, displayName));
    }

    /** A template from text (tests, generated templates). */
    public static Template parse(String yaml, String displayName) {
        return new Template(null, displayName, TemplateReader.parse(yaml, displayName));
    }

    /** The file, or null for a parsed string. */
    public Path file() {
        return file;
    }

    /** The template as named in messages, e.g. {@code partner/template.yaml}. */
    public String name() {
        return name;
    }

    public MapNode root() {
        return root;
    }

    public MapNode parameters() {
        return root.mapOrEmpty("Parameters");
    }

    public MapNode conditions() {
        return root.mapOrEmpty("Conditions");
    }

    public MapNode mappings() {
        return root.mapOrEmpty("Mappings");
    }

    public MapNode resources() {
        return root.mapOrEmpty("Resources");
    }

    public MapNode outputs() {
        return root.mapOrEmpty("Outputs");
    }

    public Optional<MapNode> resource(String logicalId) {
        Node n = resources().get(logicalId);
        return n == null ? Optional.empty() : Optional.of(n.asMap());
    }

    /** The resource's {@code Type}. */
    public String type(String logicalId) {
        return resource(logicalId).map(r -> r.require("Type").asText()).orElse(null);
    }

    /** Resources of one type, in template order. */
    public Map<String, MapNode> resourcesOfType(String type) {
        Map<String, MapNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : resources().entries().entrySet()) {
            MapNode r = e.getValue().asMap();
            if (type.equals(r.require("Type").asText())) {
                out.put(e.getKey(), r);
            }
        }
        return out;
    }

    /** The resource's {@code Properties} (empty when it declares none). */
    public static MapNode properties(MapNode resource) {
        return resource.mapOrEmpty("Properties");
    }

    @Override
    public String toString() {
        return name;
    }

    private void mergeGlobals() {
        Node globalsNode = root.get("Globals");
        if (globalsNode == null) {
            return;
        }
        MapNode globals = globalsNode.asMap();
        for (Map.Entry<String, Node> section : globals.entries().entrySet()) {
            String type = GLOBAL_SECTIONS.get(section.getKey());
            if (type == null) {
                throw section.getValue().error("SAM has no Globals section '" + section.getKey()
                        + "' (known: " + String.join(", ", GLOBAL_SECTIONS.keySet()) + ")");
            }
            MapNode defaults = section.getValue().asMap();
            for (Map.Entry<String, Node> e : resources().entries().entrySet()) {
                MapNode resource = e.getValue().asMap();
                if (!type.equals(resource.require("Type").asText())) {
                    continue;
                }
                Node props = resource.get("Properties");
                MapNode merged = (MapNode) merge(defaults.copy(), props == null ? null : props.asMap());
                resource.entries().put("Properties", merged);
            }
        }
    }

    /**
     * SAM's merge: maps merge key by key with the resource winning, lists are the global items followed by
     * the resource's, anything else (including an intrinsic function, which SAM treats as a plain value)
     * is the resource's.
     */
    static Node merge(Node global, Node local) {
        if (local == null) {
            return global;
        }
        if (global == null) {
            return local;
        }
        if (global instanceof MapNode g && local instanceof MapNode l && !g.isIntrinsic() && !l.isIntrinsic()) {
            Map<String, Node> out = new LinkedHashMap<>(g.entries());
            for (Map.Entry<String, Node> e : l.entries().entrySet()) {
                out.put(e.getKey(), merge(g.get(e.getKey()), e.getValue()));
            }
            return new MapNode(l.location(), out);
        }
        if (global instanceof ListNode g && local instanceof ListNode l) {
            List<Node> out = new ArrayList<>(g.items());
            out.addAll(l.items());
            return new ListNode(l.location(), out);
        }
        return local;
    }
}
