package io.atrium.transaction.handler;

import static io.atrium.shared.testing.ApiEvents.assertProblem;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static io.atrium.transaction.handler.TransactionFixture.as;
import static io.atrium.transaction.handler.TransactionFixture.post;
import static io.atrium.transaction.handler.TransactionFixture.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every transaction route, driven by recorded API Gateway events, against real tables in DynamoDB Local. */
class TransactionHandlersTest {
    private static TransactionFixture api;

    @BeforeAll
    static void wire() {
        api = new TransactionFixture("transaction-handlers");
    }

    private static String tenant() {
        return OwnedIds.newTenantId();
    }

    @Test
    void aChargeIs201AndMovesTheContractsBalanceWithTheRecord() {
        String tenant = tenant();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        ProxyRequestEvent event = as(event("create-transaction.json"), tenant);
        event.setBody(event.getBody().replace("con_example", contractId));

        ProxyResponseEvent response = api.create.respond(event, null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        String id = body.get("id").textValue();
        assertTrue(id.startsWith("txn_"), id);
        assertEquals(contractId, body.get("contractId").textValue());
        assertEquals("CHARGE", body.get("type").textValue());
        assertEquals("250.00", body.get("amount").get("amount").textValue());
        assertTrue(body.get("amount").get("amount").isTextual(), "amounts are strings, never floats");
        assertEquals("EUR", body.get("amount").get("currency").textValue());
        assertEquals("INV-2026-0001", body.get("reference").textValue());
        assertEquals(1, body.get("version").intValue());
        assertNull(body.get("pk"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("/v1/transactions/" + id, response.getHeaders().get("Location"));

        assertEquals(new BigDecimal("250.00"), api.balance(tenant, contractId));
        List<Map<String, AttributeValue>> items = api.stored(tenant, contractId);
        assertEquals(1, items.size());
        assertEquals("250", items.get(0).get("amount").n());
        assertEquals(tenant, items.get(0).get("tenantId").s());

        ProxyResponseEvent refund = api.create.respond(post(tenant, contractId, "REFUND", "0.01", "EUR", "r-1"), null);
        assertEquals(201, refund.getStatusCode(), refund.getBody());
        assertEquals(new BigDecimal("249.99"), api.balance(tenant, contractId));
    }

    @Test
    void theIdempotencyKeyIsRequiredAndBindsTheBody() {
        String tenant = tenant();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        ProxyResponseEvent missing = api.create.respond(withHeader(post(tenant, contractId, "CHARGE", "5", "EUR", "k"),
                "Idempotency-Key", null), null);
        assertProblem(missing, 400);
        assertEquals(Set.of("Idempotency-Key"), errorFields(missing));
        assertProblem(api.create.respond(post(tenant, contractId, "CHARGE", "5", "EUR", "not a key!"), null), 400);

        ProxyResponseEvent first = api.create.respond(post(tenant, contractId, "CHARGE", "5", "EUR", "k1"), null);
        ProxyResponseEvent repeat = api.create.respond(post(tenant, contractId, "CHARGE", "5", "EUR", "k1"), null);
        assertEquals(201, first.getStatusCode());
        assertEquals(201, repeat.getStatusCode());
        assertEquals(first.getBody(), repeat.getBody());
        assertEquals(first.getHeaders().get("ETag"), repeat.getHeaders().get("ETag"));
        assertEquals(first.getHeaders().get("Location"), repeat.getHeaders().get("Location"));
        assertProblem(api.create.respond(post(tenant, contractId, "CHARGE", "6", "EUR", "k1"), null), 422);

        assertEquals(1, api.stored(tenant, contractId).size());
        assertEquals(new BigDecimal("5.00"), api.balance(tenant, contractId));
        // the same key of another tenant is another key
        String otherTenant = tenant();
        String otherContract = api.contract(otherTenant, ContractStatus.ACTIVE, "EUR");
        assertEquals(201, api.create.respond(post(otherTenant, otherContract, "CHARGE", "5", "EUR", "k1"), null).getStatusCode());
    }

    @Test
    void theContractMustBeActiveInTheSameCurrencyWithEnoughBalanceForARefund() {
        String tenant = tenant();
        String active = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        String draft = api.contract(tenant, ContractStatus.DRAFT, "EUR");
        String terminated = api.contract(tenant, ContractStatus.TERMINATED, "EUR");
        assertEquals(201, api.create.respond(post(tenant, active, "CHARGE", "10.00", "EUR", "seed"), null).getStatusCode());

        assertProblem(api.create.respond(post(tenant, draft, "CHARGE", "1", "EUR", "a"), null), 409);
        assertProblem(api.create.respond(post(tenant, terminated, "CHARGE", "1", "EUR", "b"), null), 409);
        assertProblem(api.create.respond(post(tenant, active, "CHARGE", "1", "USD", "c"), null), 409);
        ProxyResponseEvent tooMuch = api.create.respond(post(tenant, active, "REFUND", "10.01", "EUR", "d"), null);
        assertProblem(tooMuch, 409);
        assertTrue(json(tooMuch).get("detail").textValue().contains("below zero"), tooMuch.getBody());

        ProxyResponseEvent foreign = api.create.respond(post(tenant(), active, "CHARGE", "1", "EUR", "e"), null);
        assertProblem(foreign, 404);
        assertTrue(json(foreign).get("detail").textValue().contains("contractId"), foreign.getBody());
        assertProblem(api.create.respond(post(tenant, "con_missing", "CHARGE", "1", "EUR", "f"), null), 404);

        assertEquals(1, api.stored(tenant, active).size());
        assertEquals(0, api.stored(tenant, draft).size());
        assertEquals(0, api.stored(tenant, terminated).size());
        assertEquals(new BigDecimal("10.00"), api.balance(tenant, active));
        // a refused request is answered the same when repeated: its 409 is kept
        assertProblem(api.create.respond(post(tenant, active, "REFUND", "10.01", "EUR", "d"), null), 409);
        assertEquals(201, api.create.respond(post(tenant, active, "REFUND", "10.00", "EUR", "g"), null).getStatusCode());
        assertEquals(new BigDecimal("0.00"), api.balance(tenant, active));
    }

    @Test
    void invalidBodiesAre400NamingEachFieldAndMoveNothing() {
        String tenant = tenant();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "JPY");
        ProxyRequestEvent bad = post(tenant, contractId, "CHARGE", "1", "JPY", "bad-1");
        bad.setBody("{\"contractId\":\"x y\",\"type\":\"GIFT\",\"amount\":{\"amount\":12.5,\"currency\":\"JPY\"},\"balance\":\"0\"}");
        ProxyResponseEvent response = api.create.respond(bad, null);
        assertProblem(response, 400);
        assertEquals(Set.of("contractId", "type", "amount.amount", "reference", "balance"), errorFields(response));

        for (String amount : List.of("0", "-5", "1.5", "1e3", "")) {
            ProxyResponseEvent wrong = api.create.respond(post(tenant, contractId, "CHARGE", amount, "JPY", "bad-" + amount.hashCode()), null);
            assertProblem(wrong, 400);
            assertEquals(Set.of("amount.amount"), errorFields(wrong), amount);
        }
        assertProblem(api.create.respond(withHeader(post(tenant, contractId, "CHARGE", "1", "JPY", "bad-m"), "Content-Type", "text/plain"), null), 415);
        assertEquals(0, api.stored(tenant, contractId).size());
        assertEquals(new BigDecimal("0"), api.balance(tenant, contractId));
    }

    @Test
    void getReturnsTheTransactionOnlyToItsTenant() {
        String tenant = tenant();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "USD");
        String id = json(api.create.respond(post(tenant, contractId, "CHARGE", "19.99", "USD", "g-1"), null)).get("id").textValue();

        ProxyResponseEvent found = api.get.respond(withTransactionId(as(event("get-transaction.json"), tenant), id), null);
        assertEquals(200, found.getStatusCode());
        assertEquals("19.99", json(found).get("amount").get("amount").textValue());
        assertEquals("\"1\"", found.getHeaders().get("ETag"));
        ProxyResponseEvent foreign = api.get.respond(withTransactionId(as(event("get-transaction.json"), tenant()), id), null);
        ProxyResponseEvent missing = api.get.respond(withTransactionId(as(event("get-transaction.json"), tenant), "txn_none"), null);
        assertProblem(foreign, 404);
        assertProblem(missing, 404);
        assertEquals(json(missing).get("detail"), json(foreign).get("detail"));
        ProxyRequestEvent noScope = withScopes(withTransactionId(as(event("get-transaction.json"), tenant), id), "contracts/read");
        assertProblem(api.get.respond(noScope, null), 403);
    }

    @Test
    void listsAContractsTransactionsNewestFirstWithSealedTokens() throws InterruptedException {
        String tenant = tenant();
        String contractId = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        String otherContract = api.contract(tenant, ContractStatus.ACTIVE, "EUR");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, json(api.create.respond(post(tenant, contractId, "CHARGE", "1.00", "EUR", "l-" + i), null)).get("id").textValue());
            Thread.sleep(2);
        }
        api.create.respond(post(tenant, otherContract, "CHARGE", "1.00", "EUR", "l-other"), null);

        List<String> ids = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("contractId", contractId, "limit", "2"));
        String token = null;
        for (int pages = 0; pages < 10; pages++) {
            ProxyResponseEvent page = api.list.respond(withQuery(as(event("list-transactions.json"), tenant), query), null);
            assertEquals(200, page.getStatusCode(), page.getBody());
            json(page).get("items").forEach(item -> ids.add(item.get("id").textValue()));
            if (!json(page).has("nextToken")) {
                break;
            }
            token = json(page).get("nextToken").textValue();
            query.put("nextToken", token);
        }
        assertEquals(newestFirst, ids);

        assertProblem(api.list.respond(withQuery(as(event("list-transactions.json"), tenant),
                Map.of("contractId", otherContract, "limit", "2", "nextToken", token)), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-transactions.json"), tenant), Map.of("limit", "2")), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-transactions.json"), tenant),
                Map.of("contractId", contractId, "limit", "101")), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-transactions.json"), tenant()), Map.of("contractId", contractId)), null), 404);
    }
}
