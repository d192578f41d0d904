package io.atrium.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recorded API Gateway events of a module's {@code src/test/resources/events}, the edits handler tests make
 * to them (caller, headers, query, path, body), and the JSON of the answers.
 */
public final class ApiEvents {
    /** Like the Lambda Java runtime: bean properties, unknown event fields ignored. */
    public static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApiEvents() {
    }

    /** A recorded event from src/test/resources/events, as the Lambda runtime would deserialise it. */
    public static ProxyRequestEvent event(String name) {
        try (InputStream in = ApiEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("/events/" + name + " is not on the test class path");
            }
            return JSON.readValue(in, ProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same request made by a caller of another tenant (the authorizer's {@code tenantId}). */
    public static ProxyRequestEvent as(ProxyRequestEvent event, String tenantId) {
        return withAuthorizer(event, "tenantId", tenantId);
    }

    /** The same request with the authorizer's {@code scopes} (space separated). */
    public static ProxyRequestEvent withScopes(ProxyRequestEvent event, String scopes) {
        return withAuthorizer(event, "scopes", scopes);
    }

    /** The same request under a request id of its own, as API Gateway gives every request. */
    public static ProxyRequestEvent withNewRequestId(ProxyRequestEvent event) {
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    /** Sets a header in the single- and multi-value headers alike; {@code null} removes it. */
    public static ProxyRequestEvent withHeader(ProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = event.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(event.getHeaders());
        Map<String, List<String>> multi = event.getMultiValueHeaders() == null ? null : new LinkedHashMap<>(event.getMultiValueHeaders());
        if (value == null) {
            headers.remove(name);
            if (multi != null) {
                multi.remove(name);
            }
        } else {
            headers.put(name, value);
            if (multi != null) {
                multi.put(name, List.of(value));
            }
        }
        event.setHeaders(headers);
        event.setMultiValueHeaders(multi);
        return event;
    }

    /** Replaces the query string, single- and multi-value parameters alike. */
    public static ProxyRequestEvent withQuery(ProxyRequestEvent event, Map<String, String> query) {
        event.setQueryStringParameters(query);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        event.setMultiValueQueryStringParameters(multi);
        return event;
    }

    /** Points an item event (resource {@code /things/{name}...}) at another id: path parameter and path alike. */
    public static ProxyRequestEvent withPathParameter(ProxyRequestEvent event, String name, String value) {
        event.setPathParameters(Map.of(name, value));
        event.setPath(event.getResource().replace("{" + name + "}", value));
        return event;
    }

    public static ProxyRequestEvent withBody(ProxyRequestEvent event, String body) {
        event.setBody(body);
        return event;
    }

    /** The answer's body as JSON. */
    public static JsonNode json(ProxyResponseEvent response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of an answer that must be a 201; anything else fails the test, showing the answer. */
    public static JsonNode created(ProxyResponseEvent response) {
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response);
    }

    /** The fields a 400 names in its {@code errors}, sorted. */
    public static Set<String> errorFields(ProxyResponseEvent response) {
        Set<String> fields = new TreeSet<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").textValue()));
        return fields;
    }

    /** The answer is a problem document ({@code application/problem+json}) with this status in header and body. */
    public static void assertProblem(ProxyResponseEvent response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals(status, json(response).get("status").intValue());
    }

    /**
     * The answer to a request whose dependency failed (API.md): 503 problem details with {@code Retry-After} (whole
     * seconds, at least 1) and {@code X-Request-Id}, and nothing of the failure itself in the body.
     */
    public static void assertUnavailable(ProxyResponseEvent response) {
        assertProblem(response, 503);
        String retryAfter = response.getHeaders().get("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After: " + retryAfter);
        assertTrue(response.getHeaders().get("X-Request-Id") != null, "X-Request-Id");
        for (String leak : List.of("injected", "Exception", "amazon", "TENANT#", "at io.")) {
            assertFalse(response.getBody().contains(leak), "the body shows '" + leak + "': " + response.getBody());
        }
    }

    private static ProxyRequestEvent withAuthorizer(ProxyRequestEvent event, String name, Object value) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put(name, value);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }
}
