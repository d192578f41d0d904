package io.atrium.authz.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded events under src/test/resources/events. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Events() {
    }

    static APIGatewayProxyRequestEvent api(String name) {
        JsonNode node = tree(name);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(node.path("resource").asText())
                .withPath(node.path("path").asText())
                .withHttpMethod(node.path("httpMethod").asText())
                .withHeaders(map(node.get("headers")))
                .withPathParameters(map(node.get("pathParameters")))
                .withBody(node.hasNonNull("body") ? node.get("body").asText() : null)
                .withIsBase64Encoded(false);
        JsonNode ctx = node.path("requestContext");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(ctx.path("requestId").asText())
                .withResourcePath(ctx.path("resourcePath").asText())
                .withHttpMethod(ctx.path("httpMethod").asText())
                .withStage(ctx.path("stage").asText());
        context.setAuthorizer(JSON.convertValue(ctx.get("authorizer"), new TypeReference<Map<String, Object>>() {
        }));
        return event.withRequestContext(context);
    }

    static Map<String, Object> plain(String name) {
        return JSON.convertValue(tree(name), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return event.withHeaders(headers);
    }

    static APIGatewayProxyRequestEvent withScopes(APIGatewayProxyRequestEvent event, String scopes) {
        Map<String, Object> authorizer = new LinkedHashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("scopes", scopes);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    static JsonNode body(com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> map(JsonNode node) {
        return node == null || node.isNull() ? null : JSON.convertValue(node, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    private static JsonNode tree(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
