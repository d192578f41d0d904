package io.atrium.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions of one template as CloudFormation would for one stack:
 * parameters (template defaults overridden by samconfig), pseudo parameters, Conditions, Mappings,
 * {@code Ref}/{@code Fn::GetAtt} of resources (through {@link ResourceReferences}), {@code Fn::ImportValue}
 * (through the exports of started stacks) and dynamic references (through {@link DynamicReferences}).
 * Whatever it cannot evaluate throws a {@link TemplateException} naming template, path and line; a value is
 * never silently blank. Instances are thread-safe.
 */
public final class TemplateResolver {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Set<String> SAM_REF_SUFFIXES = Set.of("Alias", "Version", "Stage", "Deployment");

    /** Marker for {@code AWS::NoValue}: the enclosing key or list item disappears. */
    private static final ScalarNode NO_VALUE = new ScalarNode(new Location("", 0, "AWS::NoValue"), "AWS::NoValue");

    private final Template template;
    private final String stackName;
    private final String region;
    private final String accountId;
    private final Map<String, String> parameterValues;
    private final ParameterValues parameters;
    private final ResourceReferences resources;
    private final Function<String, String> imports;
    private final DynamicReferences dynamic;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();

    private TemplateResolver(Builder b) {
        this.template = Objects.requireNonNull(b.template, "template");
        this.stackName = b.stackName;
        this.region = b.region;
        this.accountId = b.accountId;
        this.parameterValues = Map.copyOf(b.parameters);
        this.resources = b.resources;
        this.imports = b.imports;
        this.dynamic = b.dynamic;
        this.parameters = new ParameterValues(parameterValues, dynamic);
        MapNode declared = template.parameters();
        for (Map.Entry<String, String> e : parameterValues.entrySet()) {
            if (!declared.has(e.getKey())) {
                throw new TemplateException(new Location(template.name(), 0, "Parameters"),
                        "a value is given for parameter '" + e.getKey() + "', which the template does not declare");
            }
        }
    }

    public static Builder builder(Template template) {
        return new Builder(template);
    }

    public Template template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** The node with every intrinsic function evaluated and every {@code AWS::NoValue} removed. */
    public synchronized Node resolve(Node node) {
        Node out = eval(node);
        if (out == NO_VALUE) {
            throw node.error("evaluates to AWS::NoValue where a value is required");
        }
        return out;
    }

    /**
     * The node evaluated as {@link #resolve} does, or empty where it evaluates to {@code AWS::NoValue}, which a
     * map entry or list item may (the key or item is then dropped).
     */
    public synchronized Optional<Node> resolveOptional(Node node) {
        Node out = eval(node);
        return out == NO_VALUE ? Optional.empty() : Optional.of(out);
    }

    /** Resolves a node that must end up as text. */
    public String resolveText(Node node) {
        return resolve(node).asText();
    }

    /** The resource's Properties, resolved. */
    public MapNode resolvedProperties(String logicalId) {
        MapNode resource = template.resource(logicalId)
                .orElseThrow(() -> new TemplateException(new Location(template.name(), 0, "Resources"),
                        "no resource '" + logicalId + "'"));
        return resolve(Template.properties(resource)).asMap();
    }

    /** False when the resource's {@code Condition} is false (CloudFormation then does not create it). */
    public synchronized boolean isCreated(String logicalId) {
        MapNode resource = template.resource(logicalId).orElse(null);
        if (resource == null) {
            return false;
        }
        Node c = resource.get("Condition");
        return c == null || condition(c.asText(), c);
    }

    /** The value of a named condition. */
    public synchronized boolean condition(String name) {
        return condition(name, template.conditions());
    }

    /** A parameter's value as the stack sees it (a list for list-typed parameters). */
    public synchronized Node parameter(String name) {
        Node decl = template.parameters().get(name);
        if (decl == null) {
            throw new TemplateException(new Location(template.name(), 0, "Parameters"), "no parameter '" + name + "'");
        }
        return parameters.value(name, decl);
    }

    /** Every {@code Outputs.*.Export}: export name -> value, for outputs whose condition holds. */
    public synchronized Map<String, String> exports() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : template.outputs().entries().entrySet()) {
            MapNode output = e.getValue().asMap();
            Node export = output.get("Export");
            if (export == null || !outputActive(output)) {
                continue;
            }
            String name = eval(export.asMap().require("Name")).asText();
            Node value = eval(output.require("Value"));
            if (!(value instanceof ScalarNode)) {
                throw output.require("Value").error("an exported value must be a string, found " + value);
            }
            if (out.put(name, value.asText()) != null) {
                throw export.error("export name '" + name + "' is used twice in this template");
            }
        }
        return out;
    }

    /** Every output whose condition holds: logical id -> value. */
    public synchronized Map<String, String> outputs() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : template.outputs().entries().entrySet()) {
            MapNode output = e.getValue().asMap();
            if (outputActive(output)) {
                Node value = eval(output.require("Value"));
                out.put(e.getKey(), value instanceof ListNode l ? l.join(",") : value.asText());
            }
        }
        return out;
    }

    private boolean outputActive(MapNode output) {
        Node c = output.get("Condition");
        return c == null || condition(c.asText(), c);
    }

    // ---------------------------------------------------------------- evaluation

    private Node eval(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof String text && text.contains("{{resolve:")) {
                return new ScalarNode(s.location(), DynamicReferenceText.resolve(text, s, dynamic));
            }
            return s;
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Node item : list) {
                Node v = eval(item);
                if (v != NO_VALUE) {
                    items.add(v);
                }
            }
            return new ListNode(list.location(), items);
        }
        MapNode map = (MapNode) node;
        if (map.isIntrinsic()) {
            Map.Entry<String, Node> call = map.entries().entrySet().iterator().next();
            return intrinsic(call.getKey(), call.getValue(), map);
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node v = eval(e.getValue());
            if (v != NO_VALUE) {
                out.put(e.getKey(), v);
            }
        }
        return new MapNode(map.location(), out);
    }

    private Node intrinsic(String function, Node arg, MapNode at) {
        return switch (function) {
            case "Ref" -> ref(eval(arg).asText(), at);
            case "Condition" -> bool(at, condition(arg.asText(), at));
            case "Fn::GetAtt" -> getAtt(arg, at);
            case "Fn::Sub" -> sub(arg, at);
            case "Fn::Join" -> join(arg, at);
            case "Fn::Select" -> select(arg, at);
            case "Fn::Split" -> split(arg, at);
            case "Fn::If" -> {
                ListNode args = args(arg, 3, "Fn::If", "[condition, valueIfTrue, valueIfFalse]");
                boolean c = condition(eval(args.get(0)).asText(), args.get(0));
                yield eval(args.get(c ? 1 : 2));
            }
            case "Fn::Equals" -> {
                ListNode args = args(arg, 2, "Fn::Equals", "[value1, value2]");
                yield bool(at, eval(args.get(0)).comparable().equals(eval(args.get(1)).comparable()));
            }
            case "Fn::Not" -> bool(at, !truth(args(arg, 1, "Fn::Not", "[condition]").get(0)));
            case "Fn::And", "Fn::Or" -> andOr(function, arg, at);
            case "Fn::FindInMap" -> findInMap(arg, at);
            case "Fn::Base64" -> text(at, Base64.getEncoder().encodeToString(eval(arg).asText().getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs" -> availabilityZones(arg, at);
            case "Fn::Cidr" -> {
                ListNode args = args(arg, 3, "Fn::Cidr", "[ipBlock, count, cidrBits]");
                yield Cidr.subnets(eval(args.get(0)).asText(), eval(args.get(1)).asInt(), eval(args.get(2)).asInt(), at);
            }
            case "Fn::ImportValue" -> importValue(arg, at);
            default -> throw at.error(function + " is not emulated by the local runtime");
        };
    }

    private Node join(Node arg, MapNode at) {
        ListNode args = args(arg, 2, "Fn::Join", "[delimiter, [values]]");
        String delimiter = eval(args.get(0)).asText();
        Node values = eval(args.get(1));
        if (!(values instanceof ListNode list)) {
            throw at.error("Fn::Join needs a list of values, found " + values);
        }
        return text(at, list.join(delimiter));
    }

    private Node select(Node arg, MapNode at) {
        ListNode args = args(arg, 2, "Fn::Select", "[index, [values]]");
        int index = eval(args.get(0)).asInt();
        Node values = eval(args.get(1));
        if (!(values instanceof ListNode list)) {
            throw at.error("Fn::Select needs a list, found " + values);
        }
        if (index < 0 || index >= list.size()) {
            throw at.error("Fn::Select index " + index + " is outside a list of " + list.size());
        }
        return list.get(index);
    }

    private Node split(Node arg, MapNode at) {
        ListNode args = args(arg, 2, "Fn::Split", "[delimiter, text]");
        String delimiter = eval(args.get(0)).asText();
        String source = eval(args.get(1)).asText();
        if (delimiter.isEmpty()) {
            throw at.error("Fn::Split needs a non-empty delimiter");
        }
        List<Node> parts = new ArrayList<>();
        for (String part : source.split(Pattern.quote(delimiter), -1)) {
            parts.add(new ScalarNode(at.location(), part));
        }
        return new ListNode(at.location(), parts);
    }

    private Node andOr(String function, Node arg, MapNode at) {
        ListNode args = arg.asList();
        if (args.size() < 2 || args.size() > 10) {
            throw at.error(function + " takes 2 to 10 conditions, found " + args.size());
        }
        boolean and = function.equals("Fn::And");
        boolean result = and;
        for (Node c : args) {
            boolean v = truth(c);
            result = and ? result && v : result || v;
        }
        return bool(at, result);
    }

    private Node availabilityZones(Node arg, MapNode at) {
        String r = eval(arg).asText();
        String azRegion = r.isEmpty() ? region : r;
        List<Node> azs = new ArrayList<>();
        for (String suffix : List.of("a", "b", "c")) {
            azs.add(new ScalarNode(at.location(), azRegion + suffix));
        }
        return new ListNode(at.location(), azs);
    }

    private Node importValue(Node arg, MapNode at) {
        Node nameNode = eval(arg);
        if (!(nameNode instanceof ScalarNode)) {
            throw at.error("Fn::ImportValue needs an export name, found " + nameNode);
        }
        String name = nameNode.asText();
        String value = imports.apply(name);
        if (value == null) {
            throw at.error("Fn::ImportValue '" + name + "': no started stack exports this name");
        }
        return text(at, value);
    }

    private ListNode args(Node arg, int count, String function, String shape) {
        if (!(arg instanceof ListNode list) || list.size() != count) {
            throw arg.error(function + " takes " + shape);
        }
        return list;
    }

    private boolean truth(Node conditionNode) {
        Node v = eval(conditionNode);
        if (v instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        if (v instanceof ScalarNode s && s.value() instanceof String t && (t.equals("true") || t.equals("false"))) {
            return Boolean.parseBoolean(t);
        }
        throw conditionNode.error("expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition), found " + v);
    }

    private static ScalarNode bool(Node at, boolean value) {
        return new ScalarNode(at.location(), value);
    }

    private static ScalarNode text(Node at, String value) {
        return new ScalarNode(at.location(), value);
    }

    private boolean condition(String name, Node at) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        Node decl = template.conditions().get(name);
        if (decl == null) {
            throw at.error("no condition named '" + name + "' in Conditions");
        }
        if (!conditionsInProgress.add(name)) {
            throw decl.error("condition '" + name + "' depends on itself");
        }
        try {
            boolean value = truth(decl);
            conditionValues.put(name, value);
            return value;
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    private Node ref(String name, Node at) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (name.startsWith("AWS::")) {
            if (name.equals("AWS::StackName") || name.equals("AWS::StackId")) {
                requireStackName(at);
            }
            Node pseudo = PseudoParameters.value(name, region, accountId, stackName, at);
            if (pseudo != null) {
                return pseudo;
            }
        }
        Node decl = template.parameters().get(name);
        if (decl != null) {
            Node value = parameters.value(name, decl);
            return relocate(value, at);
        }
        MapNode resource = template.resource(name).orElse(null);
        int dot = name.indexOf('.');
        if (resource == null && dot > 0 && SAM_REF_SUFFIXES.contains(name.substring(dot + 1))) {
            // SAM's generated resources: Function.Alias / Function.Version, Api.Stage / Api.Deployment
            resource = template.resource(name.substring(0, dot)).orElse(null);
        }
        if (resource == null) {
            throw at.error("Ref to '" + name + "': no such parameter, pseudo parameter or resource");
        }
        requireCreated(name, resource, at);
        String type = resource.require("Type").asText();
        return fromCallback(resources.ref(name, type, resource), at,
                "Ref to resource '" + name + "' (" + type + ")");
    }

    private String requireStackName(Node at) {
        if (stackName == null) {
            throw at.error("AWS::StackName is used but no stack name is known (samconfig.toml stack_name)");
        }
        return stackName;
    }

    private void requireCreated(String logicalId, MapNode resource, Node at) {
        Node c = resource.get("Condition");
        if (c != null && !condition(c.asText(), c)) {
            throw at.error("'" + logicalId + "' is not created in this stack (its condition '" + c.asText()
                    + "' is false)");
        }
    }

    private Node getAtt(Node arg, MapNode at) {
        String logicalId;
        String attribute;
        if (arg instanceof ScalarNode s) {
            String t = s.text();
            int dot = t.indexOf('.');
            if (dot <= 0) {
                throw at.error("Fn::GetAtt needs LogicalId.Attribute, found '" + t + "'");
            }
            logicalId = t.substring(0, dot);
            attribute = t.substring(dot + 1);
        } else {
            ListNode list = args(arg, 2, "Fn::GetAtt", "[LogicalId, Attribute]");
            logicalId = eval(list.get(0)).asText();
            attribute = eval(list.get(1)).asText();
        }
        return getAtt(logicalId, attribute, at);
    }

    private Node getAtt(String logicalId, String attribute, Node at) {
        MapNode resource = template.resource(logicalId).orElse(null);
        if (resource == null) {
            throw at.error("Fn::GetAtt " + logicalId + "." + attribute + ": no resource '" + logicalId + "'");
        }
        requireCreated(logicalId, resource, at);
        String type = resource.require("Type").asText();
        return fromCallback(resources.getAtt(logicalId, type, resource, attribute), at,
                "Fn::GetAtt " + logicalId + "." + attribute + " (" + type + ")");
    }

    private Node fromCallback(Object value, Node at, String what) {
        if (value == null) {
            throw at.error(what + " is not emulated by the local runtime");
        }
        if (value instanceof Node n) {
            return relocate(n, at);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>();
            for (Object o : list) {
                items.add(new ScalarNode(at.location(), String.valueOf(o)));
            }
            return new ListNode(at.location(), items);
        }
        return text(at, value.toString());
    }

    private static Node relocate(Node value, Node at) {
        if (value instanceof ScalarNode s) {
            return new ScalarNode(at.location(), s.value());
        }
        return value;
    }

    private Node sub(Node arg, MapNode at) {
        String source;
        Map<String, Node> variables = new HashMap<>();
        if (arg instanceof ListNode list) {
            if (list.size() != 2) {
                throw at.error("Fn::Sub takes a string or [string, {variables}]");
            }
            source = list.get(0).asText();
            for (Map.Entry<String, Node> e : list.get(1).asMap().entries().entrySet()) {
                variables.put(e.getKey(), eval(e.getValue()));
            }
        } else {
            source = arg.asText();
        }
        String value = SubText.substitute(source, name -> subVariable(name, variables, at), at);
        if (value.contains("{{resolve:")) {
            value = DynamicReferenceText.resolve(value, at, dynamic);
        }
        return text(at, value);
    }

    private String subVariable(String name, Map<String, Node> variables, Node at) {
        Node value = variables.get(name);
        if (value == null) {
            int dot = name.indexOf('.');
            if (dot > 0 && !name.startsWith("AWS::")) {
                value = getAtt(name.substring(0, dot), name.substring(dot + 1), at);
            } else {
                value = ref(name, at);
            }
        }
        if (value == NO_VALUE || !(value instanceof ScalarNode)) {
            throw at.error("Fn::Sub: ${" + name + "} is not a string (" + (value == NO_VALUE ? "AWS::NoValue" : value)
                    + ")");
        }
        return value.asText();
    }

    private Node findInMap(Node arg, MapNode at) {
        ListNode args = arg.asList();
        if (args.size() != 3) {
            throw at.error("Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        String mapName = eval(args.get(0)).asText();
        String top = eval(args.get(1)).asText();
        String second = eval(args.get(2)).asText();
        Node value = SubText.mapping(template, mapName, top, second, at);
        return relocate(value, at);
    }

    /** Configures a {@link TemplateResolver}. */
    public static final class Builder {
        private final Template template;
        private String stackName;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private ResourceReferences resources = ResourceReferences.NONE;
        private Function<String, String> imports = name -> null;
        private DynamicReferences dynamic = DynamicReferences.NONE;

        private Builder(Template template) {
            this.template = template;
        }

        /** Stack name, region and parameter overrides from a samconfig (absent values keep the defaults). */
        public Builder samConfig(SamConfig config) {
            config.stackName().ifPresent(this::stackName);
            config.region().ifPresent(this::region);
            parameters.putAll(config.parameterOverrides());
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** Parameter values that override the template's Defaults. */
        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder resources(ResourceReferences resources) {
            this.resources = Objects.requireNonNull(resources);
            return this;
        }

        /** Exports of started stacks; a name not in the map fails the import. */
        public Builder exports(Map<String, String> exports) {
            Map<String, String> copy = Map.copyOf(exports);
            this.imports = copy::get;
            return this;
        }

        /** Export lookup; return null for a name no started stack exports. */
        public Builder imports(Function<String, String> lookup) {
            this.imports = Objects.requireNonNull(lookup);
            return this;
        }

        public Builder dynamicReferences(DynamicReferences dynamic) {
            this.dynamic = Objects.requireNonNull(dynamic);
            return this;
        }

        public TemplateResolver build() {
            return new TemplateResolver(this);
        }
    }
}
