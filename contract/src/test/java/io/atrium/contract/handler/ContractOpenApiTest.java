package io.atrium.contract.handler;

import static io.atrium.contract.handler.ContractFixture.as;
import static io.atrium.contract.handler.ContractFixture.withContractId;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.testing.OpenApiChecks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class ContractOpenApiTest {
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static ContractFixture api;

    @BeforeAll
    static void wire() {
        api = new ContractFixture("contract-openapi");
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("contract/template.yaml")), OPENAPI.contract().operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        String tenant = OwnedIds.newTenantId();
        String partnerId = api.partner(tenant);

        ProxyRequestEvent create = as(event("create-contract.json"), tenant);
        create.setBody(create.getBody().replace("par_example", partnerId));
        ProxyResponseEvent created = OPENAPI.call(api.create, create);
        assertEquals(201, created.getStatusCode());
        String id = json(created).get("id").textValue();

        ProxyRequestEvent invalid = as(event("create-contract.json"), tenant);
        invalid.setBody("{\"title\":1}");
        assertEquals(400, OPENAPI.call(api.create, invalid).getStatusCode());
        assertEquals(404, OPENAPI.call(api.create, as(event("create-contract.json"), tenant)).getStatusCode());
        assertEquals(415, OPENAPI.call(api.create, withHeader(as(event("create-contract.json"), tenant), "Content-Type", "text/csv")).getStatusCode());
        ProxyRequestEvent noScope = as(event("create-contract.json"), tenant);
        noScope.getRequestContext().setAuthorizer(Map.of("tenantId", tenant, "scopes", "contracts/read"));
        assertEquals(403, OPENAPI.call(api.create, noScope).getStatusCode());

        assertEquals(200, OPENAPI.call(api.get, withContractId(as(event("get-contract.json"), tenant), id)).getStatusCode());
        assertEquals(404, OPENAPI.call(api.get, withContractId(as(event("get-contract.json"), OwnedIds.newTenantId()), id)).getStatusCode());

        api.createContract(tenant, partnerId, "JPY");
        api.createContract(tenant, partnerId, "USD");
        assertEquals(200, OPENAPI.call(api.list, withQuery(as(event("list-contracts.json"), tenant),
                Map.of("partnerId", partnerId, "limit", "2"))).getStatusCode());
        assertEquals(400, OPENAPI.call(api.list, withQuery(as(event("list-contracts.json"), tenant), Map.of("limit", "0"))).getStatusCode());

        assertEquals(428, OPENAPI.call(api.activate, withHeader(withContractId(as(event("activate-contract.json"), tenant), id),
                "If-Match", null)).getStatusCode());
        assertEquals(412, OPENAPI.call(api.activate, withHeader(withContractId(as(event("activate-contract.json"), tenant), id),
                "If-Match", "\"9\"")).getStatusCode());
        assertEquals(409, OPENAPI.call(api.terminate, withHeader(withContractId(as(event("terminate-contract.json"), tenant), id),
                "If-Match", "\"1\"")).getStatusCode());
        assertEquals(200, OPENAPI.call(api.activate, withContractId(as(event("activate-contract.json"), tenant), id)).getStatusCode());
        assertEquals(200, OPENAPI.call(api.terminate, withContractId(as(event("terminate-contract.json"), tenant), id)).getStatusCode());
        assertEquals(404, OPENAPI.call(api.terminate, withContractId(as(event("terminate-contract.json"), tenant), "con_none")).getStatusCode());

        OPENAPI.assertPublicRoutes("get-contract.json");
    }
}
