package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.CONTRACT;
import static io.atrium.order.handler.OrderFixture.call;
import static io.atrium.order.handler.OrderFixture.event;
import static io.atrium.order.handler.OrderFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.HealthHandler;
import io.atrium.shared.api.OpenApiHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published openapi.json describes exactly the template's routes; every handler test checks its
 * answers against it through {@link OrderFixture#call}, and this checks the public routes.
 */
class OrderOpenApiTest {

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("order/template.yaml")), CONTRACT.operations());
    }

    @Test
    void everyRouteButTheDocsAndHealthNeedsItsScope() {
        List<String> unscoped = new ArrayList<>();
        CONTRACT.document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                return;
            }
            JsonNode security = op.getValue().path("security");
            String scope = security.path(0).path("oauth2").path(0).asText("");
            boolean isPublic = security.isArray() && security.isEmpty();
            if (isPublic ? !List.of("/health", "/openapi.json").contains(path.getKey()) : !scope.startsWith("orders/")) {
                unscoped.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), unscoped);
    }

    @Test
    void healthAndTheDocumentItselfAnswerAsDocumented() {
        APIGatewayProxyResponseEvent health = call(new HealthHandler(), event("health.json"));
        assertEquals(200, health.getStatusCode());
        assertEquals("ok", json(health).get("status").textValue());

        APIGatewayProxyRequestEvent docs = event("health.json");
        docs.setResource("/openapi.json");
        docs.setPath("/openapi.json");
        APIGatewayProxyResponseEvent document = call(new OpenApiHandler(), docs);
        assertEquals(200, document.getStatusCode());
        assertEquals("Atrium order API", json(document).get("info").get("title").textValue());
        assertTrue(json(document).get("paths").has("/orders/{orderId}/cancel"));
    }
}
