package io.atrium.local.stack;

import io.atrium.local.apigateway.Authorizer;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An Api's {@code Auth}: its Lambda authorizers (TOKEN and REQUEST; Cognito and {@code AWS_IAM} are refused), the
 * default one, whether SAM adds it to CORS preflights, and whether methods need an API key by default.
 */
record ApiAuth(Map<String, Authorizer> authorizers, Authorizer defaultAuthorizer, boolean preflightAuth,
        boolean apiKeysByDefault) {

    static ApiAuth of(MapNode apiProps, Registry registry) {
        Node authNode = apiProps.get("Auth");
        if (authNode == null) {
            return new ApiAuth(Map.of(), null, true, false);
        }
        MapNode auth = authNode.asMap();
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        Node list = auth.get("Authorizers");
        if (list != null) {
            for (Map.Entry<String, Node> a : list.asMap().entries().entrySet()) {
                authorizers.put(a.getKey(), authorizer(a.getKey(), a.getValue().asMap(), registry));
            }
        }
        Authorizer defaultAuthorizer = null;
        Node def = auth.get("DefaultAuthorizer");
        if (def != null) {
            defaultAuthorizer = authorizers.get(def.asText());
            if (defaultAuthorizer == null) {
                throw def.error("DefaultAuthorizer " + def.asText() + " is not one of Auth.Authorizers "
                        + authorizers.keySet() + (def.asText().equals("AWS_IAM") ? " (AWS_IAM is not emulated)" : ""));
            }
        }
        Node pre = auth.get("AddDefaultAuthorizerToCorsPreflight");
        Node apiKey = auth.get("ApiKeyRequired");
        return new ApiAuth(authorizers, defaultAuthorizer, pre == null || pre.asBoolean(),
                apiKey != null && apiKey.asBoolean());
    }

    /** The authorizer of a route: its own {@code Auth.Authorizer} ({@code NONE}: none), else the default. */
    Authorizer forRoute(Node routeAuthorizer) {
        if (routeAuthorizer == null) {
            return defaultAuthorizer;
        }
        String name = routeAuthorizer.asText();
        if (name.equals("NONE")) {
            return null;
        }
        Authorizer a = authorizers.get(name);
        if (a == null) {
            throw routeAuthorizer.error("authorizer " + name + " is not one of the Api's Auth.Authorizers "
                    + authorizers.keySet());
        }
        return a;
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
        return new Authorizer(name, fn, token, identity.text("Header", "Authorization"), validation(identity), headers,
                queries, texts(identity.get("StageVariables")), ttl);
    }

    private static Pattern validation(MapNode identity) {
        String validation = identity.text("ValidationExpression", null);
        try {
            return validation == null ? null : Pattern.compile(validation);
        } catch (PatternSyntaxException e) {
            throw identity.get("ValidationExpression").error("not a valid regex: " + e.getDescription());
        }
    }

    static List<String> texts(Node list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Node n : list.asList()) {
                out.add(n.asText());
            }
        }
        return out;
    }
}
