package io.atrium.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.auth.CognitoEmulator.AppClient;
import io.atrium.local.auth.CognitoEmulator.Pool;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cognito IdP JSON 1.1 API (header {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Op>}) for the
 * app client operations the authz functions use. Errors carry {@code __type} as Cognito's do, so the AWS SDK
 * raises its typed exceptions. Request signatures are not checked: only this machine can reach it.
 */
final class IdentityProviderApi {
    private static final String PREFIX = "AWSCognitoIdentityProviderService.";

    /** A refusal as Cognito words it: HTTP 400 with {@code __type}. */
    static final class ApiError extends RuntimeException {
        final String type;

        ApiError(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }

    private final CognitoEmulator cognito;

    IdentityProviderApi(CognitoEmulator cognito) {
        this.cognito = cognito;
    }

    HttpResponse handle(HttpRequest request) {
        String target = request.header("X-Amz-Target");
        try {
            JsonNode input = request.body() == null || request.body().length == 0
                    ? CognitoEmulator.JSON.createObjectNode() : CognitoEmulator.JSON.readTree(request.body());
            if (input == null || !input.isObject()) {
                throw new ApiError("InvalidParameterException", "The request body must be a JSON object.");
            }
            String op = target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : "";
            JsonNode out = switch (op) {
                case "CreateUserPoolClient" -> create(input);
                case "DescribeUserPoolClient" -> describe(input);
                case "DeleteUserPoolClient" -> delete(input);
                case "ListUserPoolClients" -> list(input);
                default -> throw new ApiError("UnknownOperationException",
                        "The local Cognito does not emulate " + target + ".");
            };
            return amzJson(200, out.toString());
        } catch (ApiError e) {
            ObjectNode error = CognitoEmulator.JSON.createObjectNode();
            error.put("__type", e.type);
            error.put("message", e.getMessage());
            HttpResponse r = amzJson(400, error.toString());
            r.headers().add(Map.entry("x-amzn-ErrorType", e.type));
            return r;
        } catch (IOException e) {
            return amzJson(400, "{\"__type\":\"SerializationException\",\"message\":\"The body is not JSON.\"}");
        } catch (RuntimeException e) {
            // a template-style refusal from configure() comes without a node here; report it as Cognito would
            return amzJson(400, "{\"__type\":\"InvalidParameterException\",\"message\":"
                    + CognitoEmulator.JSON.valueToTree(String.valueOf(e.getMessage())) + "}");
        }
    }

    private static HttpResponse amzJson(int status, String body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/x-amz-json-1.1"));
        headers.add(Map.entry("x-amzn-RequestId", java.util.UUID.randomUUID().toString()));
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private Pool pool(JsonNode input) {
        Pool pool = cognito.poolById(text(input, "UserPoolId", true));
        if (pool == null) {
            throw new ApiError("ResourceNotFoundException", "User pool " + input.path("UserPoolId").asText() + " does not exist.");
        }
        return pool;
    }

    private AppClient client(Pool pool, JsonNode input) {
        AppClient c = cognito.client(text(input, "ClientId", true));
        if (c == null || !c.poolId.equals(pool.id)) {
            throw new ApiError("ResourceNotFoundException", "User pool client " + input.path("ClientId").asText() + " does not exist.");
        }
        return c;
    }

    private JsonNode create(JsonNode input) {
        Pool pool = pool(input);
        String name = text(input, "ClientName", true);
        if (name.isEmpty() || name.length() > 128) {
            throw new ApiError("InvalidParameterException", "ClientName must be 1 to 128 characters.");
        }
        JsonNode units = input.path("TokenValidityUnits");
        AppClient c;
        try {
            c = cognito.configure(new AppClient(), pool, name, input.path("GenerateSecret").asBoolean(false),
                    strings(input.path("AllowedOAuthFlows")), strings(input.path("AllowedOAuthScopes")),
                    input.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false),
                    input.hasNonNull("AccessTokenValidity") ? input.get("AccessTokenValidity").asInt() : null,
                    units.hasNonNull("AccessToken") ? units.get("AccessToken").asText() : null, null);
        } catch (ApiError e) {
            throw e;
        }
        cognito.createClient(pool, c);
        ObjectNode out = CognitoEmulator.JSON.createObjectNode();
        out.set("UserPoolClient", shape(c));
        return out;
    }

    private JsonNode describe(JsonNode input) {
        AppClient c = client(pool(input), input);
        ObjectNode out = CognitoEmulator.JSON.createObjectNode();
        out.set("UserPoolClient", shape(c));
        return out;
    }

    private JsonNode delete(JsonNode input) {
        Pool pool = pool(input);
        AppClient c = client(pool, input);
        cognito.deleteClient(pool.id, c.clientId);
        return CognitoEmulator.JSON.createObjectNode();
    }

    private JsonNode list(JsonNode input) {
        Pool pool = pool(input);
        ObjectNode out = CognitoEmulator.JSON.createObjectNode();
        var array = out.putArray("UserPoolClients");
        for (AppClient c : cognito.clientsOf(pool.id)) {
            ObjectNode n = array.addObject();
            n.put("ClientId", c.clientId);
            n.put("UserPoolId", c.poolId);
            n.put("ClientName", c.name);
        }
        return out;
    }

    private static ObjectNode shape(AppClient c) {
        ObjectNode n = CognitoEmulator.JSON.createObjectNode();
        n.put("UserPoolId", c.poolId);
        n.put("ClientName", c.name);
        n.put("ClientId", c.clientId);
        if (c.secret != null) {
            n.put("ClientSecret", c.secret);
        }
        n.put("LastModifiedDate", c.modified);
        n.put("CreationDate", c.created);
        n.put("AccessTokenValidity", c.accessTokenValidity);
        n.putObject("TokenValidityUnits").put("AccessToken", c.accessTokenValidityUnit);
        c.flows.forEach(n.putArray("AllowedOAuthFlows")::add);
        c.scopes.forEach(n.putArray("AllowedOAuthScopes")::add);
        n.put("AllowedOAuthFlowsUserPoolClient", c.oauthEnabled);
        n.put("EnableTokenRevocation", true);
        return n;
    }

    private static String text(JsonNode input, String field, boolean required) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ApiError("InvalidParameterException", "1 validation error detected: Value at '" + field
                        + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError("SerializationException", field + " must be a string.");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
