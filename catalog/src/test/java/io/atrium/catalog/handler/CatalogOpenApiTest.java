package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.OPENAPI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published openapi.json describes exactly the template's routes; every handler test checks its
 * answers against it through {@link CatalogFixture#OPENAPI}, and this checks the public routes.
 */
class CatalogOpenApiTest {

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("catalog/template.yaml")), OPENAPI.contract().operations());
    }

    @Test
    void everyRouteButTheDocsAndHealthNeedsItsScope() {
        assertEquals(List.of(), OPENAPI.unscopedOperations("catalog/"));
    }

    @Test
    void healthAndTheDocumentItselfAnswerAsDocumented() {
        JsonNode document = OPENAPI.assertPublicRoutes("health.json");
        assertEquals("Atrium catalog API", document.get("info").get("title").textValue());
        assertTrue(document.get("paths").has("/products/{productId}"));
    }
}
