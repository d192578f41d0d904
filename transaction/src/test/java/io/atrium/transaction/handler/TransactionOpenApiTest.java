package io.atrium.transaction.handler;

import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.event;
import static io.atrium.transaction.handler.TransactionFixture.json;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static io.atrium.transaction.handler.TransactionFixture.withHeader;
import static io.atrium.transaction.handler.TransactionFixture.withQuery;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.HealthHandler;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class TransactionOpenApiTest {
    private static TransactionFixture api;
    private static OpenApiContract contract;

    @BeforeAll
    static void wire() {
        api = new TransactionFixture("transaction-openapi");
        contract = OpenApiContract.fromClasspath(TransactionOpenApiTest.class.getClassLoader(), "openapi.json");
    }

    private static APIGatewayProxyResponseEvent check(ApiHandler handler, APIGatewayProxyRequestEvent event, String path) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        contract.assertResponse(event.getHttpMethod(), path, response.getStatusCode(),
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type"), response.getBody());
        return response;
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("transaction/template.yaml")), contract.operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        String tenant = OwnedIds.newTenantId();
        String active = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        String draft = api.contract(tenant, ContractStatus.DRAFT, "EUR");

        APIGatewayProxyResponseEvent created = check(api.create, post(tenant, active, "CHARGE", "100.00", "EUR", "oas-1"), "/transactions");
        assertEquals(201, created.getStatusCode());
        String id = json(created).get("id").textValue();
        assertEquals(201, check(api.create, post(tenant, active, "REFUND", "40", "EUR", "oas-2"), "/transactions").getStatusCode());
        assertEquals(409, check(api.create, post(tenant, active, "REFUND", "60.01", "EUR", "oas-3"), "/transactions").getStatusCode());
        assertEquals(409, check(api.create, post(tenant, draft, "CHARGE", "1", "EUR", "oas-4"), "/transactions").getStatusCode());
        assertEquals(404, check(api.create, post(tenant, "con_none", "CHARGE", "1", "EUR", "oas-5"), "/transactions").getStatusCode());
        assertEquals(422, check(api.create, post(tenant, active, "CHARGE", "2", "EUR", "oas-1"), "/transactions").getStatusCode());
        assertEquals(400, check(api.create, withHeader(post(tenant, active, "CHARGE", "1", "EUR", "x"), "Idempotency-Key", null), "/transactions")
                .getStatusCode());
        assertEquals(415, check(api.create, withHeader(post(tenant, active, "CHARGE", "1", "EUR", "oas-6"), "Content-Type", "text/csv"),
                "/transactions").getStatusCode());
        APIGatewayProxyRequestEvent anonymous = post(tenant, active, "CHARGE", "1", "EUR", "oas-7");
        anonymous.getRequestContext().setAuthorizer(null);
        assertEquals(401, check(api.create, anonymous, "/transactions").getStatusCode());

        String item = "/transactions/{transactionId}";
        assertEquals(200, check(api.get, withTransactionId(as(event("get-transaction.json"), tenant), id), item).getStatusCode());
        assertEquals(404, check(api.get, withTransactionId(as(event("get-transaction.json"), OwnedIds.newTenantId()), id), item).getStatusCode());

        assertEquals(200, check(api.list, withQuery(as(event("list-transactions.json"), tenant), Map.of("contractId", active, "limit", "1")),
                "/transactions").getStatusCode());
        assertEquals(400, check(api.list, withQuery(as(event("list-transactions.json"), tenant), Map.of("limit", "1")), "/transactions")
                .getStatusCode());
        assertEquals(404, check(api.list, withQuery(as(event("list-transactions.json"), tenant), Map.of("contractId", "con_none")),
                "/transactions").getStatusCode());

        APIGatewayProxyRequestEvent health = event("get-transaction.json");
        health.setResource("/health");
        health.setPath("/health");
        health.setPathParameters(null);
        health.getRequestContext().setAuthorizer(null);
        assertEquals(200, check(new HealthHandler(), health, "/health").getStatusCode());
    }
}
