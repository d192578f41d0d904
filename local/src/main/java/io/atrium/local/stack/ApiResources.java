package io.atrium.local.stack;

import io.atrium.local.apigateway.BinaryMediaTypes;
import io.atrium.local.apigateway.Cors;
import io.atrium.local.apigateway.GatewayResponse;
import io.atrium.local.apigateway.GatewayResponseType;
import io.atrium.local.apigateway.GatewayResponses;
import io.atrium.local.apigateway.RestApi;
import io.atrium.local.apigateway.Route;
import io.atrium.local.apigateway.RouteTable;
import io.atrium.local.apigateway.Stage;
import io.atrium.local.apigateway.UsagePlanMeter;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ScalarNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * REST APIs: each {@code AWS::Serverless::Api} (and SAM's implicit {@code ServerlessRestApi} when an {@code Api}
 * event names no {@code RestApiId}) with the routes of its functions' {@code Api} events, its stage, CORS, binary
 * media types, stage variables, Lambda authorizers and gateway responses ({@code GatewayResponses} and
 * {@code AWS::ApiGateway::GatewayResponse} resources). Built after the functions, whose events give the routes.
 */
final class ApiResources implements ResourceProvisioner {

    static final String API = "AWS::Serverless::Api";
    static final String GATEWAY_RESPONSE = "AWS::ApiGateway::GatewayResponse";

    @Override
    public List<String> types() {
        return List.of(API, GATEWAY_RESPONSE);
    }

    /** The logical id of this template's Api whose id is {@code apiId}, or null. */
    static String logicalIdOf(StackBuild build, String apiId) {
        for (Map.Entry<String, Node> e : build.definition.template().resources().entries().entrySet()) {
            if (e.getValue().asMap().require("Type").asText().equals(API)
                    && LocalResources.apiId(build.stackName(), e.getKey()).equals(apiId)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        Map<String, Map<GatewayResponseType, GatewayResponse>> declared = declaredResponses(build, resources);
        for (Resource resource : resources) {
            if (resource.type().equals(API)) {
                String id = resource.logicalId();
                build.apis.add(api(build, id, build.resolver.resolvedProperties(id), declared.get(id)));
            }
        }
        if (build.apiRoutes.stream().anyMatch(a -> a.apiLogicalId() == null)) {
            Node globals = build.definition.template().root().get("Globals");
            Node apiGlobals = globals == null ? null : globals.asMap().get("Api");
            MapNode props = apiGlobals == null ? new MapNode(build.definition.template().root().location(), Map.of())
                    : build.resolver.resolve(apiGlobals).asMap();
            build.apis.add(api(build, null, props, null));
        }
    }

    /** The {@code AWS::ApiGateway::GatewayResponse} resources, by the logical id of their Api. */
    private static Map<String, Map<GatewayResponseType, GatewayResponse>> declaredResponses(StackBuild build,
            List<Resource> resources) {
        Map<String, Map<GatewayResponseType, GatewayResponse>> out = new HashMap<>();
        for (Resource resource : resources) {
            if (resource.type().equals(GATEWAY_RESPONSE)) {
                MapNode props = build.resolver.resolvedProperties(resource.logicalId());
                Node restApiId = props.require("RestApiId");
                String api = logicalIdOf(build, restApiId.asText());
                if (api == null) {
                    throw restApiId.error("RestApiId must be a !Ref to an AWS::Serverless::Api of this template");
                }
                Map.Entry<GatewayResponseType, GatewayResponse> response = GatewayResponseDefinitions.fromResource(props);
                out.computeIfAbsent(api, k -> new EnumMap<>(GatewayResponseType.class))
                        .put(response.getKey(), response.getValue());
            }
        }
        return out;
    }

    private static RestApi api(StackBuild build, String logicalId, MapNode props,
            Map<GatewayResponseType, GatewayResponse> declared) {
        for (String unsupported : List.of("DefinitionBody", "DefinitionUri")) {
            if (props.has(unsupported)) {
                throw props.get(unsupported).error(unsupported
                        + " is not emulated: declare routes as Api events of the functions");
            }
        }
        String id = logicalId == null ? "ServerlessRestApi" : logicalId;
        String stageName = logicalId != null ? props.require("StageName").asText() : "Prod";
        Stage stage = new Stage(build.definition.name(), id, LocalResources.apiId(build.stackName(), id), stageName,
                build.region, build.account, variables(props), binaryMediaTypes(props));
        ApiAuth auth = ApiAuth.of(props, build.registry);
        Map<GatewayResponseType, GatewayResponse> responses = GatewayResponseDefinitions.fromSam(props.get("GatewayResponses"));
        if (declared != null) {
            responses.putAll(declared);
        }
        Node keySource = props.get("ApiKeySourceType");
        return new RestApi(stage, routes(build, logicalId, auth), cors(props.get("Cors")),
                auth.preflightAuth() ? auth.defaultAuthorizer() : null, new GatewayResponses(responses),
                new UsagePlanMeter(build.registry.usagePlans(), keySource == null ? "HEADER" : keySource.asText()));
    }

    private static RouteTable routes(StackBuild build, String logicalId, ApiAuth auth) {
        RouteTable table = new RouteTable();
        for (StackBuild.ApiRoute e : build.apiRoutes) {
            if (!Objects.equals(e.apiLogicalId(), logicalId)) {
                continue;
            }
            boolean apiKeyRequired = e.apiKeyRequired() != null ? e.apiKeyRequired().asBoolean() : auth.apiKeysByDefault();
            Route route = new Route(e.method().toUpperCase(Locale.ROOT), e.path(), e.function(),
                    auth.forRoute(e.authorizer()), apiKeyRequired);
            try {
                table.add(route);
            } catch (IllegalArgumentException ex) {
                throw e.at().error(ex.getMessage());
            }
        }
        return table;
    }

    private static Map<String, String> variables(MapNode props) {
        Map<String, String> variables = new LinkedHashMap<>();
        Node vars = props.get("Variables");
        if (vars != null) {
            vars.asMap().entries().forEach((k, v) -> variables.put(k, v.asText()));
        }
        return variables;
    }

    private static BinaryMediaTypes binaryMediaTypes(MapNode props) {
        List<String> binary = new ArrayList<>();
        for (String b : ApiAuth.texts(props.get("BinaryMediaTypes"))) {
            binary.add(b.replace("~1", "/"));
        }
        return new BinaryMediaTypes(binary);
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
}
