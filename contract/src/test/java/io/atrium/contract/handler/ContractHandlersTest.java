package io.atrium.contract.handler;

import static io.atrium.contract.handler.ContractFixture.as;
import static io.atrium.contract.handler.ContractFixture.withContractId;
import static io.atrium.shared.testing.ApiEvents.assertProblem;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withQuery;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.error.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every contract route, driven by recorded API Gateway events, against real tables in DynamoDB Local. */
class ContractHandlersTest {
    private static ContractFixture api;

    @BeforeAll
    static void wire() {
        api = new ContractFixture("contract-handlers");
    }

    private static String tenant() {
        return OwnedIds.newTenantId();
    }

    private static Map<String, AttributeValue> stored(String tenantId, String contractId) {
        return api.dynamoDb.getItem(r -> r.tableName(api.contractTable)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenantId + "#CONTRACT#" + contractId)))).item();
    }

    private static int storedCount(String tenantId) {
        return api.dynamoDb.query(r -> r.tableName(api.contractTable).indexName("byTenant")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#" + tenantId + "#CONTRACTS")))).count();
    }

    private static ProxyRequestEvent createEvent(String tenantId, String partnerId) {
        ProxyRequestEvent event = as(event("create-contract.json"), tenantId);
        event.setBody(event.getBody().replace("par_example", partnerId));
        return event;
    }

    @Test
    void createReturns201InDraftWithAZeroBalanceInTheContractsCurrency() {
        String tenant = tenant();
        String partnerId = api.partner(tenant);
        ProxyResponseEvent response = api.create.respond(createEvent(tenant, partnerId), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        String id = body.get("id").textValue();
        assertTrue(id.matches("con_[A-Za-z0-9_-]{22,60}"), id);
        assertEquals("DRAFT", body.get("status").textValue());
        assertEquals(partnerId, body.get("partnerId").textValue());
        assertEquals("Maintenance 2026", body.get("title").textValue());
        assertEquals("2026-01-01", body.get("startDate").textValue());
        assertEquals("2099-12-31", body.get("endDate").textValue());
        assertEquals("12000.00", body.get("value").get("amount").textValue());
        assertEquals("EUR", body.get("value").get("currency").textValue());
        assertEquals("0.00", body.get("balance").get("amount").textValue());
        assertEquals("EUR", body.get("balance").get("currency").textValue());
        assertEquals(1, body.get("version").intValue());
        assertNull(body.get("pk"));
        assertNull(body.get("tenantId"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("/v1/contracts/" + id, response.getHeaders().get("Location"));

        Map<String, AttributeValue> item = stored(tenant, id);
        assertEquals("12000", item.get("valueAmount").n());
        assertEquals("0", item.get("balance").n());
        assertEquals("DRAFT", item.get("status").s());
        assertEquals(tenant, item.get("tenantId").s());
        assertEquals(0, api.activeContracts(tenant, partnerId));
    }

    @Test
    void aPartnerOfAnotherTenantIsA404NamingItAndNothingIsStored() {
        String owner = tenant();
        String other = tenant();
        String partnerId = api.partner(owner);

        ProxyResponseEvent response = api.create.respond(createEvent(other, partnerId), null);
        assertProblem(response, 404);
        assertTrue(json(response).get("detail").textValue().contains("partnerId"), response.getBody());
        assertTrue(json(response).get("detail").textValue().contains(partnerId), response.getBody());
        assertEquals(0, storedCount(other));

        ProxyResponseEvent missing = api.create.respond(createEvent(owner, "par_doesNotExist"), null);
        assertProblem(missing, 404);
        assertEquals(0, storedCount(owner));
    }

    @Test
    void invalidBodiesAre400NamingEachFieldAndStoreNothing() {
        String tenant = tenant();
        ProxyRequestEvent bad = as(event("create-contract.json"), tenant);
        bad.setBody("{\"partnerId\":\"bad id!\",\"title\":\"\",\"startDate\":\"2026-02-30\",\"endDate\":\"31.12.2026\","
                + "\"value\":{\"amount\":12.5,\"currency\":\"eur\"},\"status\":\"ACTIVE\",\"balance\":{\"amount\":\"5\",\"currency\":\"EUR\"}}");
        ProxyResponseEvent response = api.create.respond(bad, null);
        assertProblem(response, 400);
        assertEquals(Set.of("partnerId", "title", "startDate", "endDate", "value.amount", "value.currency", "status", "balance"),
                errorFields(response));

        ProxyRequestEvent dates = as(event("create-contract.json"), tenant);
        dates.setBody(dates.getBody().replace("2099-12-31", "2026-01-01"));
        assertEquals(Set.of("endDate"), errorFields(api.create.respond(dates, null)));

        ProxyRequestEvent money = as(event("create-contract.json"), tenant);
        money.setBody(money.getBody().replace("\"12000.00\"", "\"12.345\""));
        assertEquals(Set.of("value.amount"), errorFields(api.create.respond(money, null)));
        ProxyRequestEvent yen = as(event("create-contract.json"), tenant);
        yen.setBody(yen.getBody().replace("EUR", "JPY").replace("12000.00", "12000.50"));
        assertEquals(Set.of("value.amount"), errorFields(api.create.respond(yen, null)), "JPY has no minor unit");
        ProxyRequestEvent unknownCurrency = as(event("create-contract.json"), tenant);
        unknownCurrency.setBody(unknownCurrency.getBody().replace("EUR", "XYZ"));
        assertEquals(Set.of("value.currency"), errorFields(api.create.respond(unknownCurrency, null)));
        ProxyRequestEvent missing = as(event("create-contract.json"), tenant);
        missing.setBody("{}");
        assertEquals(Set.of("partnerId", "title", "startDate", "endDate", "value"), errorFields(api.create.respond(missing, null)));
        ProxyRequestEvent malformed = as(event("create-contract.json"), tenant);
        malformed.setBody("{\"partnerId\":");
        assertProblem(api.create.respond(malformed, null), 400);

        assertProblem(api.create.respond(withHeader(as(event("create-contract.json"), tenant), "Content-Type", "text/plain"), null), 415);
        ProxyRequestEvent large = as(event("create-contract.json"), tenant);
        large.setBody("{\"title\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertProblem(api.create.respond(large, null), 413);
        assertEquals(0, storedCount(tenant));
    }

    @Test
    void callersWithoutTheScopeOrAVerifiedTenantAreRefused() {
        String tenant = tenant();
        String partnerId = api.partner(tenant);
        ProxyRequestEvent readOnly = withScopes(createEvent(tenant, partnerId), "contracts/read");
        assertProblem(api.create.respond(readOnly, null), 403);

        ProxyRequestEvent anonymous = createEvent(tenant, partnerId);
        anonymous.getRequestContext().setAuthorizer(null);
        assertProblem(api.create.respond(anonymous, null), 401);
        assertEquals(0, storedCount(tenant));
    }

    @Test
    void getReturnsTheContractOnlyToItsTenant() {
        String tenant = tenant();
        String id = api.createContract(tenant, api.partner(tenant), "USD").get("id").textValue();

        ProxyResponseEvent response = api.get.respond(withContractId(as(event("get-contract.json"), tenant), id), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("1000.00", json(response).get("value").get("amount").textValue());
        assertEquals("0.00", json(response).get("balance").get("amount").textValue());

        ProxyResponseEvent foreign = api.get.respond(withContractId(as(event("get-contract.json"), tenant()), id), null);
        ProxyResponseEvent missing = api.get.respond(withContractId(as(event("get-contract.json"), tenant), "con_nope"), null);
        assertProblem(foreign, 404);
        assertProblem(missing, 404);
        assertEquals(json(missing).get("detail"), json(foreign).get("detail"), "another tenant's contract looks exactly like none");
        assertProblem(api.get.respond(withContractId(as(event("get-contract.json"), tenant), "bad%20id"), null), 400);
    }

    @Test
    void activateAndTerminateFollowTheStateMachineAndTheIfMatch() {
        String tenant = tenant();
        String partnerId = api.partner(tenant);
        String id = api.createContract(tenant, partnerId, "EUR").get("id").textValue();

        assertProblem(api.activate.respond(withHeader(withContractId(as(event("activate-contract.json"), tenant), id), "If-Match", null), null), 428);
        assertProblem(api.activate(tenant, id, 7), 412);
        assertProblem(api.terminate(tenant, id, 1), 409);
        assertEquals(0, api.activeContracts(tenant, partnerId));

        ProxyResponseEvent active = api.activate(tenant, id, 1);
        assertEquals(200, active.getStatusCode(), active.getBody());
        assertEquals("ACTIVE", json(active).get("status").textValue());
        assertEquals("\"2\"", active.getHeaders().get("ETag"));
        assertEquals(1, api.activeContracts(tenant, partnerId));
        assertEquals("ACTIVE", stored(tenant, id).get("gsi4pk").s());
        assertEquals("2099-12-31#" + tenant + "#" + id, stored(tenant, id).get("gsi4sk").s());

        // the partner cannot be deleted while it has an active contract
        assertThrows(ConflictException.class, () -> api.partners.delete(tenant, partnerId, 1));

        assertProblem(api.activate(tenant, id, 1), 412);
        assertProblem(api.activate(tenant, id, 2), 409);
        assertProblem(api.activate(tenant(), id, 2), 404);

        ProxyResponseEvent terminated = api.terminate(tenant, id, 2);
        assertEquals(200, terminated.getStatusCode(), terminated.getBody());
        assertEquals("TERMINATED", json(terminated).get("status").textValue());
        assertEquals(3, json(terminated).get("version").intValue());
        assertEquals(0, api.activeContracts(tenant, partnerId));
        assertFalse(stored(tenant, id).containsKey("gsi4pk"));

        assertProblem(api.terminate(tenant, id, 3), 409);
        assertProblem(api.activate(tenant, id, 3), 409);
        assertEquals("TERMINATED", stored(tenant, id).get("status").s());
        api.partners.delete(tenant, partnerId, 1);
    }

    @Test
    void aRepeatedActivationWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String tenant = tenant();
        String partnerId = api.partner(tenant);
        String id = api.createContract(tenant, partnerId, "EUR").get("id").textValue();

        List<ProxyResponseEvent> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(api.activate.respond(withHeader(withHeader(withContractId(as(event("activate-contract.json"), tenant), id),
                    "If-Match", "\"1\""), "Idempotency-Key", "activate-" + id.substring(4, 20)), null));
        }
        for (ProxyResponseEvent answer : answers) {
            assertEquals(200, answer.getStatusCode(), answer.getBody());
            assertEquals(answers.get(0).getBody(), answer.getBody());
        }
        assertEquals(1, api.activeContracts(tenant, partnerId), "counted once");
    }

    @Test
    void createIsIdempotentWithAKey() {
        String tenant = tenant();
        String partnerId = api.partner(tenant);
        ProxyResponseEvent first = api.create.respond(withHeader(createEvent(tenant, partnerId), "Idempotency-Key", "k-1"), null);
        ProxyResponseEvent again = api.create.respond(withHeader(createEvent(tenant, partnerId), "Idempotency-Key", "k-1"), null);
        assertEquals(201, first.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(first.getHeaders().get("Location"), again.getHeaders().get("Location"));
        assertEquals(1, storedCount(tenant));

        ProxyRequestEvent otherBody = withHeader(createEvent(tenant, partnerId), "Idempotency-Key", "k-1");
        otherBody.setBody(otherBody.getBody().replace("Maintenance", "Other"));
        assertProblem(api.create.respond(otherBody, null), 422);
        assertEquals(1, storedCount(tenant));
    }

    @Test
    void listsByPartnerAndStatusNewestFirstWithSealedTokens() {
        String tenant = tenant();
        String p1 = api.partner(tenant);
        String p2 = api.partner(tenant);
        List<String> p1Ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            p1Ids.add(0, api.createContract(tenant, p1, "EUR").get("id").textValue());
        }
        String p2Id = api.createContract(tenant, p2, "EUR").get("id").textValue();
        assertEquals(200, api.activate(tenant, p1Ids.get(0), 1).getStatusCode());
        assertEquals(200, api.activate(tenant, p1Ids.get(2), 1).getStatusCode());
        assertEquals(200, api.activate(tenant, p2Id, 1).getStatusCode());

        assertEquals(p1Ids, allPages(tenant, Map.of("partnerId", p1, "limit", "2")));
        assertEquals(List.of(p1Ids.get(0), p1Ids.get(2)), allPages(tenant, Map.of("partnerId", p1, "status", "ACTIVE", "limit", "1")));
        assertEquals(List.of(p2Id, p1Ids.get(0), p1Ids.get(2)), allPages(tenant, Map.of("status", "ACTIVE")));
        assertEquals(6, allPages(tenant, Map.of("limit", "4")).size());
        assertEquals(List.of(), allPages(tenant, Map.of("status", "EXPIRED")));

        // a tampered token, another tenant's token, or a token of another query is a 400
        ProxyResponseEvent first = api.list.respond(withQuery(as(event("list-contracts.json"), tenant),
                Map.of("partnerId", p1, "limit", "2")), null);
        String token = json(first).get("nextToken").textValue();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant),
                Map.of("partnerId", p1, "limit", "2", "nextToken", tampered)), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant()),
                Map.of("partnerId", p1, "limit", "2", "nextToken", token)), null), 404);
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant()),
                Map.of("limit", "2", "nextToken", token)), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant),
                Map.of("partnerId", p2, "limit", "2", "nextToken", token)), null), 400);

        for (String limit : List.of("0", "101", "ten")) {
            assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant), Map.of("limit", limit)), null), 400);
        }
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant), Map.of("status", "OPEN")), null), 400);
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant), Map.of("partnerId", "a b")), null), 400);
        // another tenant's partner is not found, as if it did not exist
        assertProblem(api.list.respond(withQuery(as(event("list-contracts.json"), tenant()), Map.of("partnerId", p1)), null), 404);
    }

    private static List<String> allPages(String tenant, Map<String, String> query) {
        List<String> ids = new ArrayList<>();
        Map<String, String> params = new HashMap<>(query);
        for (int pages = 0; pages < 20; pages++) {
            ProxyResponseEvent response = api.list.respond(withQuery(as(event("list-contracts.json"), tenant), params), null);
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonNode body = json(response);
            body.get("items").forEach(item -> ids.add(item.get("id").textValue()));
            if (!body.has("nextToken")) {
                return ids;
            }
            params.put("nextToken", body.get("nextToken").textValue());
        }
        throw new AssertionError("no last page");
    }
}
