package io.atrium.contract.handler;

import static io.atrium.contract.handler.ContractFixture.as;
import static io.atrium.contract.handler.ContractFixture.event;
import static io.atrium.contract.handler.ContractFixture.json;
import static io.atrium.contract.handler.ContractFixture.withContractId;
import static io.atrium.contract.handler.ContractFixture.withHeader;
import static io.atrium.contract.handler.ContractFixture.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.HealthHandler;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class ContractOpenApiTest {
    private static ContractFixture api;
    private static OpenApiContract contract;

    @BeforeAll
    static void wire() {
        api = new ContractFixture("contract-openapi");
        contract = OpenApiContract.fromClasspath(ContractOpenApiTest.class.getClassLoader(), "openapi.json");
    }

    private static APIGatewayProxyResponseEvent check(ApiHandler handler, APIGatewayProxyRequestEvent event, String path) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        contract.assertResponse(event.getHttpMethod(), path, response.getStatusCode(),
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type"), response.getBody());
        return response;
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("contract/template.yaml")), contract.operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        String tenant = OwnedIds.newTenantId();
        String partnerId = api.partner(tenant);
        String item = "/contracts/{contractId}";

        APIGatewayProxyRequestEvent create = as(event("create-contract.json"), tenant);
        create.setBody(create.getBody().replace("par_example", partnerId));
        APIGatewayProxyResponseEvent created = check(api.create, create, "/contracts");
        assertEquals(201, created.getStatusCode());
        String id = json(created).get("id").textValue();

        APIGatewayProxyRequestEvent invalid = as(event("create-contract.json"), tenant);
        invalid.setBody("{\"title\":1}");
        assertEquals(400, check(api.create, invalid, "/contracts").getStatusCode());
        assertEquals(404, check(api.create, as(event("create-contract.json"), tenant), "/contracts").getStatusCode());
        assertEquals(415, check(api.create, withHeader(as(event("create-contract.json"), tenant), "Content-Type", "text/csv"), "/contracts").getStatusCode());
        APIGatewayProxyRequestEvent noScope = as(event("create-contract.json"), tenant);
        noScope.getRequestContext().setAuthorizer(Map.of("tenantId", tenant, "scopes", "contracts/read"));
        assertEquals(403, check(api.create, noScope, "/contracts").getStatusCode());

        assertEquals(200, check(api.get, withContractId(as(event("get-contract.json"), tenant), id), item).getStatusCode());
        assertEquals(404, check(api.get, withContractId(as(event("get-contract.json"), OwnedIds.newTenantId()), id), item).getStatusCode());

        api.createContract(tenant, partnerId, "JPY");
        api.createContract(tenant, partnerId, "USD");
        assertEquals(200, check(api.list, withQuery(as(event("list-contracts.json"), tenant), Map.of("partnerId", partnerId, "limit", "2")),
                "/contracts").getStatusCode());
        assertEquals(400, check(api.list, withQuery(as(event("list-contracts.json"), tenant), Map.of("limit", "0")), "/contracts").getStatusCode());

        String activate = item + "/activate";
        String terminate = item + "/terminate";
        assertEquals(428, check(api.activate, withHeader(withContractId(as(event("activate-contract.json"), tenant), id), "If-Match", null),
                activate).getStatusCode());
        assertEquals(412, check(api.activate, withHeader(withContractId(as(event("activate-contract.json"), tenant), id), "If-Match", "\"9\""),
                activate).getStatusCode());
        assertEquals(409, check(api.terminate, withHeader(withContractId(as(event("terminate-contract.json"), tenant), id), "If-Match", "\"1\""),
                terminate).getStatusCode());
        assertEquals(200, check(api.activate, withContractId(as(event("activate-contract.json"), tenant), id), activate).getStatusCode());
        assertEquals(200, check(api.terminate, withContractId(as(event("terminate-contract.json"), tenant), id), terminate).getStatusCode());
        assertEquals(404, check(api.terminate, withContractId(as(event("terminate-contract.json"), tenant), "con_none"), terminate).getStatusCode());

        APIGatewayProxyRequestEvent health = event("get-contract.json");
        health.setResource("/health");
        health.setPath("/health");
        health.setPathParameters(null);
        health.getRequestContext().setAuthorizer(null);
        assertEquals(200, check(new HealthHandler(), health, "/health").getStatusCode());
    }
}
