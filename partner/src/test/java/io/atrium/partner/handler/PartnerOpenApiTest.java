package io.atrium.partner.handler;

import static io.atrium.partner.handler.PartnerFixture.withPartnerId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.testing.OpenApiChecks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class PartnerOpenApiTest {
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static PartnerFixture api;

    @BeforeAll
    static void wire() {
        api = new PartnerFixture("partner-openapi");
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("partner/template.yaml")), OPENAPI.contract().operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        ProxyResponseEvent created = OPENAPI.call(api.create, as(event("create-partner.json"), "t-oas"));
        assertEquals(201, created.getStatusCode());
        String id = json(created).get("id").textValue();

        ProxyRequestEvent invalid = as(event("create-partner.json"), "t-oas");
        invalid.setBody("{\"name\":1}");
        assertEquals(400, OPENAPI.call(api.create, invalid).getStatusCode());
        assertEquals(415, OPENAPI.call(api.create, withHeader(as(event("create-partner.json"), "t-oas"), "Content-Type", "text/csv")).getStatusCode());

        assertEquals(200, OPENAPI.call(api.get, withPartnerId(as(event("get-partner.json"), "t-oas"), id)).getStatusCode());
        assertEquals(404, OPENAPI.call(api.get, withPartnerId(as(event("get-partner.json"), "t-oas-other"), id)).getStatusCode());

        api.createPartner("t-oas", "Second");
        api.createPartner("t-oas", "Third");
        ProxyRequestEvent list = as(event("list-partners.json"), "t-oas");
        list.setQueryStringParameters(Map.of("limit", "2"));
        assertEquals(200, OPENAPI.call(api.list, list).getStatusCode());

        assertEquals(428, OPENAPI.call(api.update, withHeader(withPartnerId(as(event("update-partner.json"), "t-oas"), id), "If-Match", null)).getStatusCode());
        assertEquals(200, OPENAPI.call(api.update, withPartnerId(as(event("update-partner.json"), "t-oas"), id)).getStatusCode());
        assertEquals(412, OPENAPI.call(api.delete, withPartnerId(as(event("delete-partner.json"), "t-oas"), id)).getStatusCode());
        assertEquals(204, OPENAPI.call(api.delete, withHeader(withPartnerId(as(event("delete-partner.json"), "t-oas"), id), "If-Match", "\"2\"")).getStatusCode());

        OPENAPI.assertPublicRoutes("get-partner.json");
    }
}
