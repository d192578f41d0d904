package io.atrium.local.stack;

import io.atrium.local.apigateway.Authorizer;
import io.atrium.local.apigateway.Cors;
import io.atrium.local.apigateway.RestApi;
import io.atrium.local.apigateway.Route;
import io.atrium.local.apigateway.RouteTable;
import io.atrium.local.dynamodb.TableProvisioner;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.lambda.LocalLayer;
import io.atrium.local.template.ListNode;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ScalarNode;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateException;
import io.atrium.local.template.TemplateResolver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One stack started from its template: tables created, SSM parameters, secrets and layers published, functions
 * loaded (lazily), APIs built, exports published. Anything the local runtime cannot emulate is a
 * {@link TemplateException} naming the template, the logical id and the line.
 */
public final class LocalStack implements AutoCloseable {

    /** An Api event of a function, before its Api is built. */
    private record ApiEvent(String functionId, LocalFunction function, String apiLogicalId, String path, String method,
            Node authorizer, Node apiKeyRequired, Node at) {
    }

    private final StackDefinition definition;
    private final TemplateResolver resolver;
    private final Map<String, String> tables;
    private final Map<String, LocalFunction> functions;
    private final List<RestApi> apis;
    private final Map<String, String> exports;

    private LocalStack(StackDefinition definition, TemplateResolver resolver, Map<String, String> tables,
            Map<String, LocalFunction> functions, List<RestApi> apis, Map<String, String> exports) {
        this.definition = definition;
        this.resolver = resolver;
        this.tables = tables;
        this.functions = functions;
        this.apis = apis;
        this.exports = exports;
    }

    public StackDefinition definition() {
        return definition;
    }

    public TemplateResolver resolver() {
        return resolver;
    }

    /** Logical id -> physical table name. */
    public Map<String, String> tables() {
        return tables;
    }

    /** Logical id -> function. */
    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public List<RestApi> apis() {
        return apis;
    }

    /** Export name -> value. */
    public Map<String, String> exports() {
        return exports;
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
    }

    /** Starts {@code def}; the stacks it takes from must already be in {@code registry}. */
    public static LocalStack start(StackDefinition def, Registry registry, DynamoDbClient dynamoDb, URI dynamoDbEndpoint,
            Path workDir, String tablePrefix) {
        Template t = def.template();
        String region = def.config().region().orElse(TemplateResolver.DEFAULT_REGION);
        String account = TemplateResolver.DEFAULT_ACCOUNT_ID;
        Map<String, String> tableNames = new LinkedHashMap<>();
        Map<String, String> functionNames = new LinkedHashMap<>();
        LocalResources resources = new LocalResources(def.stackName(), region, account, tableNames, functionNames);
        resources.cognito(registry.cognito());
        TemplateResolver r = TemplateResolver.builder(t)
                .samConfig(def.config())
                .stackName(def.stackName())
                .region(region)
                .accountId(account)
                .resources(resources)
                .imports(registry::exportValue)
                .dynamicReferences(registry)
                .build();

        Map<String, MapNode> created = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : t.resources().entries().entrySet()) {
            MapNode resource = e.getValue().asMap();
            Node typeNode = resource.require("Type");
            String type = typeNode.asText();
            if (!LocalResources.EMULATED.contains(type) && !LocalResources.NO_LOCAL_EFFECT.contains(type)) {
                throw typeNode.error("resource type " + type + " is not emulated by the local runtime");
            }
            if (r.isCreated(e.getKey())) {
                created.put(e.getKey(), resource);
            }
        }

        // physical names first: resources refer to each other by them
        for (Map.Entry<String, MapNode> e : created.entrySet()) {
            String id = e.getKey();
            MapNode props = Template.properties(e.getValue());
            switch (e.getValue().require("Type").asText()) {
                case "AWS::Serverless::Function" -> {
                    Node declared = props.get("FunctionName");
                    String name = declared != null ? r.resolveText(declared) : def.stackName() + "-" + id;
                    functionNames.put(id, name.length() > 64 ? name.substring(0, 64) : name);
                }
                case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> {
                    Node declared = props.get("TableName");
                    String name = declared != null ? r.resolveText(declared) : def.stackName() + "-" + id;
                    tableNames.put(id, (tablePrefix == null ? "" : tablePrefix) + name);
                }
                case "AWS::SSM::Parameter", "AWS::SecretsManager::Secret" -> resources.name(id, r.resolveText(props.require("Name")));
                case "AWS::Serverless::LayerVersion" -> {
                    Node declared = props.get("LayerName");
                    String name = declared != null ? r.resolveText(declared) : def.stackName() + "-" + id;
                    resources.name(id, resources.layerArn(id, e.getValue(), name));
                }
                default -> {
                    // no physical name needed locally
                }
            }
        }

        for (TableProvisioner.ProvisionedTable table : TableProvisioner.provision(dynamoDb, t, r, tableNames, true)) {
            if (table.streamArn() != null) {
                resources.streamArn(table.logicalId(), table.streamArn());
            }
        }

        for (Map.Entry<String, MapNode> e : created.entrySet()) {
            String id = e.getKey();
            String type = e.getValue().require("Type").asText();
            if (type.equals("AWS::SSM::Parameter")) {
                MapNode props = r.resolvedProperties(id);
                registry.putSsmParameter(props.require("Name").asText(), props.require("Value").asText());
            } else if (type.equals("AWS::SecretsManager::Secret")) {
                MapNode props = r.resolvedProperties(id);
                String value = secretValue(props);
                registry.putSecret(props.require("Name").asText(), value);
                registry.putSecret((String) resources.ref(id, type, e.getValue()), value);
            } else if (type.equals("AWS::Serverless::LayerVersion")) {
                MapNode props = r.resolvedProperties(id);
                Node contentUri = props.require("ContentUri");
                if (!(contentUri instanceof ScalarNode)) {
                    throw contentUri.error("only a local path is emulated for ContentUri");
                }
                Path zip = def.dir().resolve(contentUri.asText()).normalize();
                if (!Files.isRegularFile(zip)) {
                    throw contentUri.error(zip + " does not exist: build it first (mvn -q -DskipTests package)");
                }
                registry.layer(new LocalLayer((String) resources.ref(id, type, e.getValue()), zip, workDir));
            }
        }

        AccountResources.provision(def, r, created, registry, resources);

        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        List<ApiEvent> apiEvents = new ArrayList<>();
        Map<String, String> apiIdToLogical = new HashMap<>();
        for (Map.Entry<String, MapNode> e : created.entrySet()) {
            if (e.getValue().require("Type").asText().equals("AWS::Serverless::Api")) {
                apiIdToLogical.put(LocalResources.apiId(def.stackName(), e.getKey()), e.getKey());
            }
        }
        for (Map.Entry<String, MapNode> e : created.entrySet()) {
            if (!e.getValue().require("Type").asText().equals("AWS::Serverless::Function")) {
                continue;
            }
            String id = e.getKey();
            MapNode props = r.resolvedProperties(id);
            LocalFunction fn = function(def, id, props, functionNames.get(id), resources.functionArn(id), region, registry,
                    dynamoDbEndpoint, workDir);
            functions.put(id, fn);
            registry.function(resources.functionArn(id), fn);
            Node events = props.get("Events");
            if (events == null) {
                continue;
            }
            for (Map.Entry<String, Node> ev : events.asMap().entries().entrySet()) {
                MapNode event = ev.getValue().asMap();
                String eventType = event.require("Type").asText();
                if (!eventType.equals("Api")) {
                    throw event.require("Type").error("event type " + eventType + " is not emulated by the local runtime");
                }
                MapNode ep = event.require("Properties").asMap();
                String apiLogical = null;
                Node restApiId = ep.get("RestApiId");
                if (restApiId != null) {
                    apiLogical = apiIdToLogical.get(restApiId.asText());
                    if (apiLogical == null) {
                        throw restApiId.error("RestApiId must be a !Ref to an AWS::Serverless::Api of this template");
                    }
                }
                Node auth = ep.get("Auth");
                Node authorizer = auth == null ? null : auth.asMap().get("Authorizer");
                Node apiKeyRequired = auth == null ? null : auth.asMap().get("ApiKeyRequired");
                apiEvents.add(new ApiEvent(id, fn, apiLogical, ep.require("Path").asText(),
                        ep.require("Method").asText(), authorizer, apiKeyRequired, event));
            }
        }

        Map<String, String> exports = r.exports();
        for (Map.Entry<String, String> x : exports.entrySet()) {
            registry.export(x.getKey(), x.getValue(), def.stackName(), exportLocation(t, r, x.getKey()));
        }

        List<RestApi> apis = new ArrayList<>();
        for (Map.Entry<String, MapNode> e : created.entrySet()) {
            if (e.getValue().require("Type").asText().equals("AWS::Serverless::Api")) {
                String id = e.getKey();
                apis.add(api(def, id, r.resolvedProperties(id), apiEvents, region, account, registry, true));
            }
        }
        if (apiEvents.stream().anyMatch(a -> a.apiLogicalId() == null)) {
            Node globals = t.root().get("Globals");
            Node apiGlobals = globals == null ? null : globals.asMap().get("Api");
            MapNode props = apiGlobals == null ? new MapNode(t.root().location(), Map.of())
                    : r.resolve(apiGlobals).asMap();
            apis.add(api(def, null, props, apiEvents, region, account, registry, false));
        }
        return new LocalStack(def, r, Map.copyOf(tableNames), functions, apis, exports);
    }

    private static io.atrium.local.template.Location exportLocation(Template t, TemplateResolver r, String exportName) {
        for (Node output : t.outputs().entries().values()) {
            Node export = output.asMap().get("Export");
            if (export != null && r.resolveText(export.asMap().require("Name")).equals(exportName)) {
                return export.location();
            }
        }
        return t.root().location();
    }

    private static LocalFunction function(StackDefinition def, String id, MapNode props, String name, String arn,
            String region, Registry registry, URI dynamoDbEndpoint, Path workDir) {
        for (String unsupported : List.of("ImageUri", "InlineCode")) {
            if (props.has(unsupported)) {
                throw props.get(unsupported).error(unsupported + " is not emulated: give the function a CodeUri jar");
            }
        }
        Node runtime = props.get("Runtime");
        if (runtime == null || !runtime.asText().startsWith("java")) {
            throw (runtime == null ? props : runtime).error("only java runtimes are emulated (Runtime: "
                    + (runtime == null ? "missing" : runtime.asText()) + ")");
        }
        Node codeUri = props.require("CodeUri");
        if (!(codeUri instanceof ScalarNode)) {
            throw codeUri.error("only a local path is emulated for CodeUri");
        }
        Path code = def.dir().resolve(codeUri.asText()).normalize();
        if (!Files.exists(code)) {
            Path classes = def.dir().resolve("target/classes");
            if (code.toString().endsWith(".jar") && Files.isDirectory(classes)) {
                code = classes; // not packaged yet (tests run before `package`): run the compiled classes
            } else {
                throw codeUri.error(code + " does not exist: build it first (mvn -q -DskipTests package)");
            }
        }
        List<LocalLayer> layers = new ArrayList<>();
        Node layerList = props.get("Layers");
        if (layerList != null) {
            for (Node l : layerList.asList()) {
                LocalLayer layer = registry.layer(l.asText());
                if (layer == null) {
                    throw l.error("layer " + l.asText() + " is not published by any started stack");
                }
                layers.add(layer);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        Node environment = props.get("Environment");
        if (environment != null) {
            Node variables = environment.asMap().get("Variables");
            if (variables != null) {
                for (Map.Entry<String, Node> v : variables.asMap().entries().entrySet()) {
                    if (!(v.getValue() instanceof ScalarNode)) {
                        throw v.getValue().error("an environment variable must be a string");
                    }
                    env.put(v.getKey(), v.getValue().asText());
                }
            }
        }
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        if (registry.cognito() != null) {
            // Cognito's issuer URLs become the local issuer's, and the Cognito SDK reaches the local Cognito
            env.replaceAll((k, v) -> registry.cognito().localize(v));
            env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", registry.cognito().endpoint().toString());
        }
        int timeout = props.has("Timeout") ? props.get("Timeout").asInt() : 3;
        int memory = props.has("MemorySize") ? props.get("MemorySize").asInt() : 128;
        String handler = props.require("Handler").asText();
        return new LocalFunction(new LocalFunction.Config(def.name(), id, name, arn, handler, code, layers, env, timeout,
                memory), workDir);
    }

    private static RestApi api(StackDefinition def, String logicalId, MapNode props, List<ApiEvent> events,
            String region, String account, Registry registry, boolean explicit) {
        for (String unsupported : List.of("DefinitionBody", "DefinitionUri")) {
            if (props.has(unsupported)) {
                throw props.get(unsupported).error(unsupported
                        + " is not emulated: declare routes as Api events of the functions");
            }
        }
        String id = logicalId == null ? "ServerlessRestApi" : logicalId;
        String stage = explicit ? props.require("StageName").asText() : "Prod";
        Cors cors = cors(props.get("Cors"));
        List<String> binary = new ArrayList<>();
        Node binaryNode = props.get("BinaryMediaTypes");
        if (binaryNode != null) {
            for (Node b : binaryNode.asList()) {
                binary.add(b.asText().replace("~1", "/"));
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Node vars = props.get("Variables");
        if (vars != null) {
            vars.asMap().entries().forEach((k, v) -> variables.put(k, v.asText()));
        }
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        Authorizer defaultAuthorizer = null;
        boolean preflightAuth = true;
        boolean apiKeysByDefault = false;
        Node authNode = props.get("Auth");
        if (authNode != null) {
            MapNode auth = authNode.asMap();
            Node list = auth.get("Authorizers");
            if (list != null) {
                for (Map.Entry<String, Node> a : list.asMap().entries().entrySet()) {
                    authorizers.put(a.getKey(), authorizer(a.getKey(), a.getValue().asMap(), registry));
                }
            }
            Node def0 = auth.get("DefaultAuthorizer");
            if (def0 != null) {
                defaultAuthorizer = authorizers.get(def0.asText());
                if (defaultAuthorizer == null) {
                    throw def0.error("DefaultAuthorizer " + def0.asText() + " is not one of Auth.Authorizers "
                            + authorizers.keySet() + (def0.asText().equals("AWS_IAM") ? " (AWS_IAM is not emulated)" : ""));
                }
            }
            Node pre = auth.get("AddDefaultAuthorizerToCorsPreflight");
            if (pre != null) {
                preflightAuth = pre.asBoolean();
            }
            Node apiKey = auth.get("ApiKeyRequired");
            apiKeysByDefault = apiKey != null && apiKey.asBoolean();
        }
        RouteTable table = new RouteTable();
        for (ApiEvent e : events) {
            if (!java.util.Objects.equals(e.apiLogicalId(), logicalId)) {
                continue;
            }
            Authorizer routeAuth = defaultAuthorizer;
            if (e.authorizer() != null) {
                String name = e.authorizer().asText();
                if (name.equals("NONE")) {
                    routeAuth = null;
                } else {
                    routeAuth = authorizers.get(name);
                    if (routeAuth == null) {
                        throw e.authorizer().error("authorizer " + name + " is not one of the Api's Auth.Authorizers "
                                + authorizers.keySet());
                    }
                }
            }
            String method = e.method().toUpperCase(Locale.ROOT);
            boolean apiKeyRequired = e.apiKeyRequired() != null ? e.apiKeyRequired().asBoolean() : apiKeysByDefault;
            try {
                table.add(new Route(method, e.path(), e.function(), routeAuth, apiKeyRequired));
            } catch (IllegalArgumentException ex) {
                throw e.at().error(ex.getMessage());
            }
        }
        RestApi api = new RestApi(def.name(), id, LocalResources.apiId(def.stackName(), id), stage, region, account, table,
                cors, binary, variables, preflightAuth ? defaultAuthorizer : null);
        Node keySource = props.get("ApiKeySourceType");
        api.usagePlans(registry.usagePlans(), keySource == null ? "HEADER" : keySource.asText());
        return api;
    }

    private static Authorizer authorizer(String name, MapNode a, Registry registry) {
        if (a.has("UserPoolArn")) {
            throw a.get("UserPoolArn").error("Cognito user pool authorizers are not emulated by the local runtime");
        }
        Node arn = a.require("FunctionArn");
        LocalFunction fn = registry.functionByArn(arn.asText());
        if (fn == null) {
            throw arn.error("authorizer " + name + ": no started stack has the function " + arn.asText());
        }
        String payload = a.text("FunctionPayloadType", "TOKEN");
        if (!payload.equals("TOKEN") && !payload.equals("REQUEST")) {
            throw a.get("FunctionPayloadType").error("FunctionPayloadType must be TOKEN or REQUEST");
        }
        MapNode identity = a.mapOrEmpty("Identity");
        int ttl = identity.has("ReauthorizeEvery") ? identity.get("ReauthorizeEvery").asInt() : 300;
        boolean token = payload.equals("TOKEN");
        List<String> headers = texts(identity.get("Headers"));
        List<String> queries = texts(identity.get("QueryStrings"));
        if (!token && headers.isEmpty() && queries.isEmpty()) {
            ttl = 0; // API Gateway cannot cache a REQUEST authorizer without identity sources
        }
        String validation = identity.text("ValidationExpression", null);
        Pattern validationExpression;
        try {
            validationExpression = validation == null ? null : Pattern.compile(validation);
        } catch (PatternSyntaxException e) {
            throw identity.get("ValidationExpression").error("not a valid regex: " + e.getDescription());
        }
        return new Authorizer(name, fn, token, identity.text("Header", "Authorization"), validationExpression, headers,
                queries, texts(identity.get("StageVariables")), ttl);
    }

    private static List<String> texts(Node list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Node n : (ListNode) list.asList()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    private static Cors cors(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode) {
            return new Cors(unquote(node.asText()), null, null, null, false);
        }
        MapNode m = node.asMap();
        return new Cors(unquote(m.text("AllowOrigin", null)), unquote(m.text("AllowMethods", null)),
                unquote(m.text("AllowHeaders", null)), unquote(m.text("MaxAge", null)),
                m.has("AllowCredentials") && m.get("AllowCredentials").asBoolean());
    }

    private static String unquote(String s) {
        if (s != null && s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secret's SecretString, or one generated as Secrets Manager would from GenerateSecretString. */
    static String secretValue(MapNode props) {
        Node literal = props.get("SecretString");
        if (literal != null) {
            return literal.asText();
        }
        MapNode g = props.mapOrEmpty("GenerateSecretString");
        int length = g.has("PasswordLength") ? g.get("PasswordLength").asInt() : 32;
        StringBuilder alphabet = new StringBuilder();
        if (!flag(g, "ExcludeLowercase")) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!flag(g, "ExcludeUppercase")) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!flag(g, "ExcludeNumbers")) {
            alphabet.append("0123456789");
        }
        if (!flag(g, "ExcludePunctuation")) {
            alphabet.append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        }
        if (flag(g, "IncludeSpace")) {
            alphabet.append(' ');
        }
        String exclude = g.text("ExcludeCharacters", "");
        StringBuilder chars = new StringBuilder();
        alphabet.chars().filter(c -> exclude.indexOf(c) < 0).forEach(c -> chars.append((char) c));
        if (chars.length() == 0) {
            throw g.error("GenerateSecretString leaves no characters to choose from");
        }
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        Node template = g.get("SecretStringTemplate");
        Node key = g.get("GenerateStringKey");
        if (template == null) {
            return secret.toString();
        }
        if (key == null) {
            throw template.error("SecretStringTemplate needs GenerateStringKey");
        }
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode json =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(template.asText());
            json.put(key.asText(), secret.toString());
            return mapper.writeValueAsString(json);
        } catch (Exception e) {
            throw template.error("SecretStringTemplate is not a JSON object: " + e.getMessage());
        }
    }

    private static boolean flag(MapNode m, String key) {
        return m.has(key) && m.get(key).asBoolean();
    }
}
