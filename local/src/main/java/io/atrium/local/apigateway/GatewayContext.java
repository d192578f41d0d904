package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import java.util.Map;

/**
 * What a gateway response may refer to ({@code context.requestId}, {@code method.request.header.X}, ...): the
 * request as far as the gateway got with it.
 *
 * @param request        null when the request could not be read at all
 * @param resourcePath   null before a route matched
 * @param pathParameters empty before a route matched
 */
record GatewayContext(String requestId, String apiId, String stage, HttpRequest request, String resourcePath,
        Map<String, String> pathParameters, Map<String, String> stageVariables) {

    GatewayContext {
        pathParameters = Map.copyOf(pathParameters);
        stageVariables = Map.copyOf(stageVariables);
    }

    GatewayContext matched(String path, Map<String, String> parameters) {
        return new GatewayContext(requestId, apiId, stage, request, path, parameters, stageVariables);
    }

    String extendedRequestId() {
        return requestId.substring(0, 8) + "=";
    }

    /**
     * The value of an API Gateway variable by name ({@code context.requestId}, {@code method.request.header.Accept},
     * {@code stageVariables.color}, {@code context.error.message}, ...), or null when it has none here.
     */
    String variable(String name, GatewayError error) {
        return switch (name) {
            case "context.requestId", "context.awsEndpointRequestId" -> requestId;
            case "context.extendedRequestId" -> extendedRequestId();
            case "context.apiId" -> apiId;
            case "context.stage" -> stage;
            case "context.resourcePath" -> resourcePath;
            case "context.httpMethod" -> request == null ? null : request.method();
            case "context.path" -> request == null ? null : request.rawPath();
            case "context.error.message" -> error.message();
            case "context.error.responseType" -> error.type().name();
            default -> requestValue(name);
        };
    }

    private String requestValue(String name) {
        if (name.startsWith("stageVariables.")) {
            return stageVariables.get(name.substring("stageVariables.".length()));
        }
        if (name.startsWith("method.request.path.")) {
            return pathParameters.get(name.substring("method.request.path.".length()));
        }
        if (request == null) {
            return null;
        }
        if (name.startsWith("method.request.header.")) {
            return request.header(name.substring("method.request.header.".length()));
        }
        if (name.startsWith("method.request.querystring.")) {
            return QueryString.parse(request.rawQuery()).last(name.substring("method.request.querystring.".length()));
        }
        return null;
    }

    /** Whether {@link #variable} knows the name (checked when the template is read). */
    static boolean knows(String name) {
        return switch (name) {
            case "context.requestId", "context.awsEndpointRequestId", "context.extendedRequestId", "context.apiId",
                    "context.stage", "context.resourcePath", "context.httpMethod", "context.path",
                    "context.error.message", "context.error.responseType" -> true;
            default -> name.matches("(stageVariables|method\\.request\\.(path|header|querystring))\\.[^.\\s]+");
        };
    }
}
