package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withPathParameter;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.testing.OpenApiChecks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published openapi.json describes exactly the template's routes and the answers the handlers give. */
class TransactionOpenApiTest {
    private static final OpenApiChecks OPENAPI = OpenApiChecks.ofModule();
    private static TransactionFixture api;

    @BeforeAll
    static void wire() {
        api = new TransactionFixture("transaction-openapi");
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("transaction/template.yaml")), OPENAPI.contract().operations());
    }

    @Test
    void realAnswersMatchTheDocument() {
        String tenant = OwnedIds.newTenantId();
        String active = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        String draft = api.contract(tenant, ContractStatus.DRAFT, "EUR");

        ProxyResponseEvent created = OPENAPI.call(api.create, post(tenant, active, "CHARGE", "100.00", "EUR", "oas-1"));
        assertEquals(201, created.getStatusCode());
        String id = json(created).get("id").textValue();
        assertEquals(201, OPENAPI.call(api.create, post(tenant, active, "REFUND", "40", "EUR", "oas-2")).getStatusCode());
        assertEquals(409, OPENAPI.call(api.create, post(tenant, active, "REFUND", "60.01", "EUR", "oas-3")).getStatusCode());
        assertEquals(409, OPENAPI.call(api.create, post(tenant, draft, "CHARGE", "1", "EUR", "oas-4")).getStatusCode());
        assertEquals(404, OPENAPI.call(api.create, post(tenant, "con_none", "CHARGE", "1", "EUR", "oas-5")).getStatusCode());
        assertEquals(422, OPENAPI.call(api.create, post(tenant, active, "CHARGE", "2", "EUR", "oas-1")).getStatusCode());
        assertEquals(400, OPENAPI.call(api.create, withHeader(post(tenant, active, "CHARGE", "1", "EUR", "x"), "Idempotency-Key", null))
                .getStatusCode());
        assertEquals(415, OPENAPI.call(api.create, withHeader(post(tenant, active, "CHARGE", "1", "EUR", "oas-6"), "Content-Type", "text/csv"))
                .getStatusCode());
        ProxyRequestEvent anonymous = post(tenant, active, "CHARGE", "1", "EUR", "oas-7");
        anonymous.getRequestContext().setAuthorizer(null);
        assertEquals(401, OPENAPI.call(api.create, anonymous).getStatusCode());

        assertEquals(200, OPENAPI.call(api.get, withTransactionId(as(event("get-transaction.json"), tenant), id)).getStatusCode());
        assertEquals(404, OPENAPI.call(api.get, withTransactionId(as(event("get-transaction.json"), OwnedIds.newTenantId()), id)).getStatusCode());

        assertEquals(200, OPENAPI.call(api.list, withQuery(as(event("list-transactions.json"), tenant),
                Map.of("contractId", active, "limit", "1"))).getStatusCode());
        assertEquals(400, OPENAPI.call(api.list, withQuery(as(event("list-transactions.json"), tenant), Map.of("limit", "1")))
                .getStatusCode());
        assertEquals(404, OPENAPI.call(api.list, withQuery(as(event("list-transactions.json"), tenant), Map.of("contractId", "con_none")))
                .getStatusCode());

        // the statement of the month the stream consumer posted the two transactions to
        api.statements.post(api.service.get(tenant, id));
        ProxyRequestEvent month = withPathParameter(as(event("get-statement.json"), tenant), "month",
                java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        assertEquals(200, OPENAPI.call(api.statement, month).getStatusCode());
        assertEquals(200, OPENAPI.call(api.statement, withPathParameter(as(event("get-statement.json"), tenant), "month", "1999-01"))
                .getStatusCode());
        assertEquals(400, OPENAPI.call(api.statement, withPathParameter(as(event("get-statement.json"), tenant), "month", "1999-1"))
                .getStatusCode());

        OPENAPI.assertPublicRoutes("get-transaction.json");
    }
}
