package io.atrium.partner.handler;

import static io.atrium.partner.handler.PartnerFixture.as;
import static io.atrium.partner.handler.PartnerFixture.event;
import static io.atrium.partner.handler.PartnerFixture.withHeader;
import static io.atrium.partner.handler.PartnerFixture.withPartnerId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.HealthHandler;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class PartnerOpenApiTest {
    private static PartnerFixture api;
    private static OpenApiContract contract;

    @BeforeAll
    static void wire() {
        api = new PartnerFixture("partner-openapi");
        contract = OpenApiContract.fromClasspath(PartnerOpenApiTest.class.getClassLoader(), "openapi.json");
    }

    private static APIGatewayProxyResponseEvent check(ApiHandler handler, APIGatewayProxyRequestEvent event, String path) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        contract.assertResponse(event.getHttpMethod(), path, response.getStatusCode(),
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type"), response.getBody());
        return response;
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("partner/template.yaml")), contract.operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        String item = "/partners/{partnerId}";
        APIGatewayProxyResponseEvent created = check(api.create, as(event("create-partner.json"), "t-oas"), "/partners");
        assertEquals(201, created.getStatusCode());
        String id = PartnerFixture.json(created).get("id").textValue();

        APIGatewayProxyRequestEvent invalid = as(event("create-partner.json"), "t-oas");
        invalid.setBody("{\"name\":1}");
        assertEquals(400, check(api.create, invalid, "/partners").getStatusCode());
        assertEquals(415, check(api.create, withHeader(as(event("create-partner.json"), "t-oas"), "Content-Type", "text/csv"), "/partners").getStatusCode());

        assertEquals(200, check(api.get, withPartnerId(as(event("get-partner.json"), "t-oas"), id), item).getStatusCode());
        assertEquals(404, check(api.get, withPartnerId(as(event("get-partner.json"), "t-oas-other"), id), item).getStatusCode());

        api.createPartner("t-oas", "Second");
        api.createPartner("t-oas", "Third");
        APIGatewayProxyRequestEvent list = as(event("list-partners.json"), "t-oas");
        list.setQueryStringParameters(Map.of("limit", "2"));
        assertEquals(200, check(api.list, list, "/partners").getStatusCode());

        assertEquals(428, check(api.update, withHeader(withPartnerId(as(event("update-partner.json"), "t-oas"), id), "If-Match", null), item).getStatusCode());
        assertEquals(200, check(api.update, withPartnerId(as(event("update-partner.json"), "t-oas"), id), item).getStatusCode());
        assertEquals(412, check(api.delete, withPartnerId(as(event("delete-partner.json"), "t-oas"), id), item).getStatusCode());
        assertEquals(204, check(api.delete, withHeader(withPartnerId(as(event("delete-partner.json"), "t-oas"), id), "If-Match", "\"2\""), item).getStatusCode());

        APIGatewayProxyRequestEvent health = event("get-partner.json");
        health.setResource("/health");
        health.setPath("/health");
        health.setPathParameters(null);
        health.getRequestContext().setAuthorizer(null);
        assertEquals(200, check(new HealthHandler(), health, "/health").getStatusCode());
    }
}
