package io.atrium.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.HealthHandler;
import io.atrium.shared.api.OpenApiHandler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Handler answers checked against the module's published openapi.json (status, content type, body and the
 * headers it declares), so no test can pass on an answer the description does not allow.
 */
public final class OpenApiChecks {
    private final OpenApiContract contract;

    private OpenApiChecks(OpenApiContract contract) {
        this.contract = contract;
    }

    /** The token endpoint the served documents of handler tests name (TOKEN_URL in the templates). */
    public static final String TOKEN_URL = "https://atrium-dev-authz-123456789012.auth.us-east-1.amazoncognito.com/oauth2/token";

    /** The module's own openapi.json, from the test class path. */
    public static OpenApiChecks ofModule() {
        return new OpenApiChecks(OpenApiContract.fromClasspath(OpenApiChecks.class.getClassLoader(), "openapi.json"));
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** Runs the handler as Lambda would and checks the answer against the event's operation in the document. */
    public ProxyResponseEvent call(ApiHandler handler, ProxyRequestEvent event) {
        ProxyResponseEvent response = handler.respond(event, null);
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        contract.assertResponse(event.getHttpMethod(), event.getResource(), response.getStatusCode(),
                headers.get("Content-Type"), response.getBody());
        assertDeclaredHeaders(event, response.getStatusCode(), headers);
        return response;
    }

    /**
     * {@code GET /health} and {@code GET /openapi.json} as API Gateway passes them (no authorizer), made from
     * a recorded event of the module: both answer 200 as documented, health says ok. Returns the served document.
     */
    public JsonNode assertPublicRoutes(String eventName) {
        ProxyResponseEvent health = call(new HealthHandler(), publicRoute(ApiEvents.event(eventName), "/health"));
        assertEquals(200, health.getStatusCode());
        assertEquals("ok", ApiEvents.json(health).get("status").textValue());

        ProxyRequestEvent request = publicRoute(ApiEvents.event(eventName), "/openapi.json");
        ProxyResponseEvent document = call(new OpenApiHandler(TOKEN_URL), request);
        assertEquals(200, document.getStatusCode());
        JsonNode served = ApiEvents.json(document);
        // absolute URLs of where it runs: its environment's token endpoint, the API as the caller reached it
        assertEquals(TOKEN_URL, served.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asText());
        assertEquals("https://" + request.getRequestContext().getDomainName() + "/" + request.getRequestContext().getStage(),
                served.at("/servers/0/url").asText());
        return served;
    }

    /** Operations that are neither public docs/health nor guarded by a scope starting with {@code scopePrefix}. */
    public List<String> unscopedOperations(String scopePrefix) {
        List<String> unscoped = new ArrayList<>();
        contract.document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                return;
            }
            JsonNode security = op.getValue().path("security");
            String scope = security.path(0).path("oauth2").path(0).asText("");
            boolean isPublic = security.isArray() && security.isEmpty();
            if (isPublic ? !List.of("/health", "/openapi.json").contains(path.getKey()) : !scope.startsWith(scopePrefix)) {
                unscoped.add(op.getKey() + " " + path.getKey());
            }
        }));
        return unscoped;
    }

    private static ProxyRequestEvent publicRoute(ProxyRequestEvent event, String resource) {
        event.setResource(resource);
        event.setPath(resource);
        event.setPathParameters(null);
        event.getRequestContext().setAuthorizer(null);
        return event;
    }

    /** Headers the document marks required for this answer (ETag, Location, X-Request-Id) must be there. */
    private void assertDeclaredHeaders(ProxyRequestEvent event, int status, Map<String, String> headers) {
        JsonNode document = contract.document();
        JsonNode response = resolve(document, document.path("paths").path(event.getResource())
                .path(event.getHttpMethod().toLowerCase()).path("responses").path(Integer.toString(status)));
        Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> header = declared.next();
            JsonNode spec = resolve(document, header.getValue());
            String value = headers.get(header.getKey());
            if (spec.path("required").asBoolean(false) && value == null) {
                throw new AssertionError(event.getHttpMethod() + " " + event.getResource() + " " + status
                        + " lacks the declared header " + header.getKey());
            }
            String pattern = spec.path("schema").path("pattern").asText(null);
            if (value != null && pattern != null && !value.matches(pattern)) {
                throw new AssertionError("header " + header.getKey() + " = " + value + " does not match " + pattern);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").textValue().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }
}
