package io.atrium.local.stack;

import io.atrium.local.template.DynamicReferences;
import io.atrium.local.template.Location;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ResourceReferences;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateException;
import io.atrium.local.template.TemplateResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the stacks ({@code *}/template.yaml under the root) and orders them by what they take from each other:
 * {@code Fn::ImportValue} of another stack's export, SSM parameters and secrets another stack declares.
 * An import nobody exports, or a cycle, is an error naming the template and line.
 */
public final class StackGraph {

    /** Folders never holding a stack. */
    private static final Set<String> SKIP = Set.of("local", "target", "node_modules", "scripts", "docs");

    private StackGraph() {
    }

    /** Every {@code {root}/{folder}/template.yaml}, by folder name. */
    public static List<Path> discover(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith(".") && !SKIP.contains(d.getFileName().toString()))
                    .map(d -> d.resolve("template.yaml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** What one stack needs from others and offers them, each with where the template says so. */
    record Needs(Map<String, Location> imports, Map<String, Location> ssm, Map<String, Location> secrets,
            Map<String, Location> exports, Set<String> ssmDeclared, Set<String> secretsDeclared) {
    }

    /** The stacks in an order where every stack comes after those it takes something from. */
    public static List<StackDefinition> order(List<StackDefinition> stacks) {
        return List.copyOf(ordered(stacks).keySet());
    }

    /**
     * Every stack with the stacks it takes something from (each with why), in an order where every stack comes
     * after those: the order stacks start locally and deploy in AWS.
     */
    public static Map<StackDefinition, Map<StackDefinition, String>> ordered(List<StackDefinition> stacks) {
        Map<StackDefinition, Map<StackDefinition, String>> deps = dependencies(stacks);
        List<StackDefinition> out = new ArrayList<>();
        Set<StackDefinition> done = new LinkedHashSet<>();
        for (StackDefinition s : stacks) {
            visit(s, deps, done, new ArrayList<>(), out);
        }
        Map<StackDefinition, Map<StackDefinition, String>> ordered = new LinkedHashMap<>();
        out.forEach(s -> ordered.put(s, deps.get(s)));
        return ordered;
    }

    private static Map<StackDefinition, Map<StackDefinition, String>> dependencies(List<StackDefinition> stacks) {
        Map<StackDefinition, Needs> needs = new LinkedHashMap<>();
        for (StackDefinition s : stacks) {
            needs.put(s, probe(s));
        }
        Map<String, StackDefinition> exporter = new HashMap<>();
        Map<String, StackDefinition> ssmOwner = new HashMap<>();
        Map<String, StackDefinition> secretOwner = new HashMap<>();
        for (Map.Entry<StackDefinition, Needs> e : needs.entrySet()) {
            for (Map.Entry<String, Location> x : e.getValue().exports().entrySet()) {
                StackDefinition other = exporter.putIfAbsent(x.getKey(), e.getKey());
                if (other != null) {
                    throw new TemplateException(x.getValue(), "export '" + x.getKey() + "' is also exported by "
                            + other.template().name());
                }
            }
            e.getValue().ssmDeclared().forEach(n -> ssmOwner.putIfAbsent(n, e.getKey()));
            e.getValue().secretsDeclared().forEach(n -> secretOwner.putIfAbsent(n, e.getKey()));
        }
        Map<StackDefinition, Map<StackDefinition, String>> deps = new LinkedHashMap<>();
        for (Map.Entry<StackDefinition, Needs> e : needs.entrySet()) {
            StackDefinition s = e.getKey();
            Map<StackDefinition, String> d = new LinkedHashMap<>();
            for (Map.Entry<String, Location> i : e.getValue().imports().entrySet()) {
                StackDefinition from = exporter.get(i.getKey());
                if (from == null) {
                    throw new TemplateException(i.getValue(), "Fn::ImportValue '" + i.getKey()
                            + "': no stack exports this name (stacks: " + names(stacks) + ")");
                }
                d.putIfAbsent(from, i.getValue() + " imports '" + i.getKey() + "'");
            }
            for (Map.Entry<String, Location> p : e.getValue().ssm().entrySet()) {
                StackDefinition from = ssmOwner.get(p.getKey());
                if (from == null) {
                    throw new TemplateException(p.getValue(), "SSM parameter '" + p.getKey()
                            + "' is not declared by any stack (stacks: " + names(stacks) + ")");
                }
                d.putIfAbsent(from, p.getValue() + " reads SSM parameter '" + p.getKey() + "'");
            }
            for (Map.Entry<String, Location> p : e.getValue().secrets().entrySet()) {
                StackDefinition from = secretOwner.get(p.getKey());
                if (from == null) {
                    throw new TemplateException(p.getValue(), "secret '" + p.getKey()
                            + "' is not declared by any stack (stacks: " + names(stacks) + ")");
                }
                d.putIfAbsent(from, p.getValue() + " reads secret '" + p.getKey() + "'");
            }
            d.remove(s);
            deps.put(s, d);
        }
        return deps;
    }

    private static void visit(StackDefinition s, Map<StackDefinition, Map<StackDefinition, String>> deps,
            Set<StackDefinition> done, List<StackDefinition> path, List<StackDefinition> out) {
        if (done.contains(s)) {
            return;
        }
        int at = path.indexOf(s);
        if (at >= 0) {
            StringBuilder cycle = new StringBuilder();
            List<StackDefinition> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(s);
            for (int i = 0; i + 1 < loop.size(); i++) {
                cycle.append("\n  ").append(deps.get(loop.get(i)).get(loop.get(i + 1)))
                        .append(" (from ").append(loop.get(i + 1).name()).append(')');
            }
            throw new TemplateException(s.template().name(), "stacks depend on each other in a cycle:" + cycle, null);
        }
        path.add(s);
        for (StackDefinition d : deps.get(s).keySet()) {
            visit(d, deps, done, path, out);
        }
        path.remove(path.size() - 1);
        done.add(s);
        out.add(s);
    }

    private static String names(List<StackDefinition> stacks) {
        return String.join(", ", stacks.stream().map(StackDefinition::name).toList());
    }

    /** Evaluates the whole template with placeholders, recording what it takes and gives. */
    static Needs probe(StackDefinition s) {
        Probe p = new Probe();
        TemplateResolver probe = p.resolver(s);
        Template t = s.template();
        Set<String> ssmDeclared = new LinkedHashSet<>();
        Set<String> secretsDeclared = new LinkedHashSet<>();
        for (Map.Entry<String, Node> e : t.resources().entries().entrySet()) {
            MapNode resource = e.getValue().asMap();
            p.current[0] = resource.location();
            if (!probe.isCreated(e.getKey())) {
                continue;
            }
            Node props = resource.get("Properties");
            if (props != null) {
                resolveEach(probe, props, p.current);
            }
            String type = resource.require("Type").asText();
            if (type.equals("AWS::SSM::Parameter") || type.equals("AWS::SecretsManager::Secret")) {
                Node name = props == null ? null : props.asMap().get("Name");
                if (name == null) {
                    throw resource.error(type + " without a Name cannot be found by other stacks locally; give it a Name");
                }
                (type.equals("AWS::SSM::Parameter") ? ssmDeclared : secretsDeclared).add(probe.resolveText(name));
            }
        }
        for (Map.Entry<String, Node> e : t.parameters().entries().entrySet()) {
            p.current[0] = e.getValue().location();
            if (e.getValue().asMap().require("Type").asText().startsWith("AWS::SSM::Parameter::Value<")) {
                probe.parameter(e.getKey());
            }
        }
        Map<String, Location> exports = exports(t, probe, p.current);
        return new Needs(p.imports, p.ssm, p.secrets, exports, ssmDeclared, secretsDeclared);
    }

    private static Map<String, Location> exports(Template t, TemplateResolver probe, Location[] current) {
        Map<String, Location> exports = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : t.outputs().entries().entrySet()) {
            MapNode output = e.getValue().asMap();
            current[0] = output.location();
            Node condition = output.get("Condition");
            if (condition != null && !probe.condition(condition.asText())) {
                continue;
            }
            resolveEach(probe, output.require("Value"), current);
            Node export = output.get("Export");
            if (export != null) {
                Node name = export.asMap().require("Name");
                exports.put(probe.resolveText(name), name.location());
            }
        }
        return exports;
    }

    /** A resolver answering placeholders, recording each import, SSM parameter and secret with where it was needed. */
    private static final class Probe implements ResourceReferences, DynamicReferences {
        final Map<String, Location> imports = new LinkedHashMap<>();
        final Map<String, Location> ssm = new LinkedHashMap<>();
        final Map<String, Location> secrets = new LinkedHashMap<>();
        final Location[] current = {null};

        TemplateResolver resolver(StackDefinition s) {
            return TemplateResolver.builder(s.template())
                    .samConfig(s.config())
                    .stackName(s.stackName())
                    .resources(this)
                    .imports(name -> {
                        imports.putIfAbsent(name, current[0]);
                        return "probe-import-" + name;
                    })
                    .dynamicReferences(this)
                    .build();
        }

        @Override
        public Object ref(String logicalId, String type, MapNode resource) {
            return "probe-" + logicalId;
        }

        @Override
        public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
            return "probe-" + logicalId + "." + attribute;
        }

        @Override
        public String secret(String secretId, String jsonKey) {
            // "probe-<logicalId>": a !Ref to a secret of this same stack, which orders nothing
            if (!secretId.startsWith("probe-")) {
                secrets.putIfAbsent(secretId, current[0]);
            }
            return "probe-secret";
        }

        @Override
        public String ssmParameter(String name) {
            ssm.putIfAbsent(name, current[0]);
            return "probe-ssm";
        }
    }

    /** Resolves leaf by leaf, so each recorded import carries the line of the value that needs it. */
    private static void resolveEach(TemplateResolver probe, Node node, Location[] current) {
        if (node instanceof MapNode m && !m.isIntrinsic()) {
            for (Node child : m.entries().values()) {
                resolveEach(probe, child, current);
            }
            return;
        }
        if (node instanceof io.atrium.local.template.ListNode l) {
            for (Node child : l) {
                resolveEach(probe, child, current);
            }
            return;
        }
        current[0] = node.location();
        probe.resolveOptional(node);
    }
}
