package io.atrium.partner.handler;

import static io.atrium.partner.handler.PartnerFixture.withPartnerId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every partner route, driven by recorded API Gateway events, against real tables. */
class PartnerHandlersTest {
    private static PartnerFixture api;

    @BeforeAll
    static void wire() {
        api = new PartnerFixture("partner-handlers");
    }

    private static Map<String, AttributeValue> stored(String tenantId, String partnerId) {
        return api.dynamoDb.getItem(r -> r.tableName(api.partnerTable)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenantId + "#PARTNER#" + partnerId)))).item();
    }

    private static int storedCount(String tenantId) {
        return api.dynamoDb.query(r -> r.tableName(api.partnerTable).indexName("byTenant")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#" + tenantId + "#PARTNERS")))).count();
    }

    /** What the contract stack writes when a partner's contracts become active or end. */
    private static void storeActiveContracts(String tenantId, String partnerId, int count) {
        api.dynamoDb.updateItem(r -> r.tableName(api.partnerTable)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenantId + "#PARTNER#" + partnerId)))
                .updateExpression("SET activeContracts = :count").expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Integer.toString(count)))));
    }

    @Test
    void createReturns201WithTheStoredPartner() {
        ProxyResponseEvent response = api.create.respond(as(event("create-partner.json"), "t-create"), null);

        assertEquals(201, response.getStatusCode());
        JsonNode body = json(response);
        String id = body.get("id").textValue();
        assertTrue(id.matches("par_[A-Za-z0-9_-]{22}"), id);
        assertEquals("Acme GmbH", body.get("name").textValue());
        assertEquals("ACTIVE", body.get("status").textValue());
        assertEquals(1, body.get("version").intValue());
        assertNull(body.get("pk"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("/v1/partners/" + id, response.getHeaders().get("Location"));
        assertEquals("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", response.getHeaders().get("X-Request-Id"));

        Map<String, AttributeValue> item = stored("t-create", id);
        assertEquals("billing@acme.example", item.get("email").s());
        assertEquals("DE123456789", item.get("taxId").s());
        assertEquals("t-create", item.get("tenantId").s());
    }

    @Test
    void invalidBodiesAre400NamingEachFieldAndStoreNothing() {
        ProxyRequestEvent bad = as(event("create-partner.json"), "t-invalid");
        bad.setBody("{\"name\":\"\",\"email\":\"nope\",\"country\":\"XX\",\"taxId\":42,\"tenantId\":\"t-other\",\"status\":\"ACTIVE\"}");
        ProxyResponseEvent response = api.create.respond(bad, null);

        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals(Set.of("name", "email", "country", "taxId", "tenantId", "status"), errorFields(response));
        assertEquals(400, json(response).get("status").intValue());
        assertNotNull(json(response).get("requestId").textValue());

        ProxyRequestEvent missing = as(event("create-partner.json"), "t-invalid");
        missing.setBody("{}");
        assertEquals(Set.of("name", "email", "country"), errorFields(api.create.respond(missing, null)));

        ProxyRequestEvent malformed = as(event("create-partner.json"), "t-invalid");
        malformed.setBody("{\"name\": ");
        ProxyResponseEvent malformedResponse = api.create.respond(malformed, null);
        assertEquals(400, malformedResponse.getStatusCode());
        assertEquals(Set.of("body"), errorFields(malformedResponse));

        assertEquals(0, storedCount("t-invalid"));
    }

    @Test
    void oversizedBodiesAre413AndNonJsonBodiesAre415() {
        ProxyRequestEvent big = as(event("create-partner.json"), "t-limits");
        big.setBody("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"email\":\"a@b.cd\",\"country\":\"DE\"}");
        ProxyResponseEvent tooLarge = api.create.respond(big, null);
        assertEquals(413, tooLarge.getStatusCode());
        assertEquals(413, json(tooLarge).get("status").intValue());

        ProxyRequestEvent text = withHeader(as(event("create-partner.json"), "t-limits"), "Content-Type", "text/plain");
        assertEquals(415, api.create.respond(text, null).getStatusCode());
        ProxyRequestEvent none = withHeader(as(event("create-partner.json"), "t-limits"), "Content-Type", null);
        assertEquals(415, api.create.respond(none, null).getStatusCode());
        ProxyRequestEvent charset = withHeader(as(event("create-partner.json"), "t-limits"), "content-type", "application/json; charset=utf-8");
        withHeader(charset, "Content-Type", null);
        assertEquals(201, api.create.respond(charset, null).getStatusCode());

        assertEquals(1, storedCount("t-limits"));
    }

    @Test
    void noCallerIs401AndAMissingScopeIs403() {
        ProxyRequestEvent anonymous = event("create-partner.json");
        anonymous.getRequestContext().setAuthorizer(null);
        assertEquals(401, api.create.respond(anonymous, null).getStatusCode());

        ProxyRequestEvent readOnly = withScopes(as(event("create-partner.json"), "t-scope"), "partners/read");
        assertEquals(403, api.create.respond(readOnly, null).getStatusCode());
        assertEquals(0, storedCount("t-scope"));
    }

    @Test
    void anotherTenantsPartnerIs404OnEveryRouteAndStaysUntouched() {
        String id = api.createPartner("t-owner", "Owner's partner");

        assertEquals(200, api.get.respond(withPartnerId(as(event("get-partner.json"), "t-owner"), id), null).getStatusCode());
        ProxyResponseEvent foreignGet = api.get.respond(withPartnerId(as(event("get-partner.json"), "t-intruder"), id), null);
        assertEquals(404, foreignGet.getStatusCode());
        assertEquals(404, api.update.respond(withPartnerId(as(event("update-partner.json"), "t-intruder"), id), null).getStatusCode());
        assertEquals(404, api.delete.respond(withPartnerId(as(event("delete-partner.json"), "t-intruder"), id), null).getStatusCode());
        JsonNode intruderList = json(api.list.respond(as(event("list-partners.json"), "t-intruder"), null));
        assertEquals(0, intruderList.get("items").size());

        Map<String, AttributeValue> item = stored("t-owner", id);
        assertEquals("Owner's partner", item.get("name").s());
        assertEquals("1", item.get("version").n());
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        String id = api.createPartner("t-update", "Before");

        ProxyRequestEvent noIfMatch = withHeader(withPartnerId(as(event("update-partner.json"), "t-update"), id), "If-Match", null);
        assertEquals(428, api.update.respond(noIfMatch, null).getStatusCode());
        ProxyRequestEvent stale = withHeader(withPartnerId(as(event("update-partner.json"), "t-update"), id), "If-Match", "\"7\"");
        assertEquals(412, api.update.respond(stale, null).getStatusCode());
        assertEquals("Before", stored("t-update", id).get("name").s());

        ProxyResponseEvent ok = api.update.respond(withPartnerId(as(event("update-partner.json"), "t-update"), id), null);
        assertEquals(200, ok.getStatusCode());
        assertEquals("\"2\"", ok.getHeaders().get("ETag"));
        assertEquals("SUSPENDED", json(ok).get("status").textValue());
        Map<String, AttributeValue> item = stored("t-update", id);
        assertEquals("Acme AG", item.get("name").s());
        assertEquals("CH", item.get("country").s());
        assertEquals("2", item.get("version").n());

        // the same If-Match again is now stale
        assertEquals(412, api.update.respond(withPartnerId(as(event("update-partner.json"), "t-update"), id), null).getStatusCode());
    }

    @Test
    void deleteIs409WhileAContractIsActiveThen204() {
        String id = api.createPartner("t-delete", "Busy partner");
        storeActiveContracts("t-delete", id, 1);

        ProxyResponseEvent conflict = api.delete.respond(withPartnerId(as(event("delete-partner.json"), "t-delete"), id), null);
        assertEquals(409, conflict.getStatusCode());
        assertFalse(stored("t-delete", id).isEmpty());
        ProxyRequestEvent noIfMatch = withHeader(withPartnerId(as(event("delete-partner.json"), "t-delete"), id), "If-Match", null);
        assertEquals(428, api.delete.respond(noIfMatch, null).getStatusCode());

        storeActiveContracts("t-delete", id, 0);
        ProxyResponseEvent deleted = api.delete.respond(withPartnerId(as(event("delete-partner.json"), "t-delete"), id), null);
        assertEquals(204, deleted.getStatusCode());
        assertTrue(stored("t-delete", id).isEmpty());
        assertEquals(404, api.get.respond(withPartnerId(as(event("get-partner.json"), "t-delete"), id), null).getStatusCode());
    }

    @Test
    void listPagesThroughEverythingOnceAndRefusesForeignOrTamperedTokens() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createPartner("t-list", "Partner " + i));
        }
        api.createPartner("t-list-other", "Not mine");

        List<String> seen = new ArrayList<>();
        String token = null;
        String firstToken = null;
        int pages = 0;
        do {
            ProxyRequestEvent page = as(event("list-partners.json"), "t-list");
            page.setQueryStringParameters(token == null ? Map.of("limit", "2") : Map.of("limit", "2", "nextToken", token));
            ProxyResponseEvent response = api.list.respond(page, null);
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonNode body = json(response);
            body.get("items").forEach(item -> seen.add(item.get("id").textValue()));
            token = body.hasNonNull("nextToken") ? body.get("nextToken").textValue() : null;
            if (firstToken == null) {
                firstToken = token;
            }
            pages++;
        } while (token != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(new TreeSet<>(created), new TreeSet<>(seen));
        assertEquals(5, seen.size());

        String stolen = firstToken;
        ProxyRequestEvent foreign = as(event("list-partners.json"), "t-list-other");
        foreign.setQueryStringParameters(Map.of("limit", "2", "nextToken", stolen));
        ProxyResponseEvent foreignResponse = api.list.respond(foreign, null);
        assertEquals(400, foreignResponse.getStatusCode());
        assertEquals(Set.of("nextToken"), errorFields(foreignResponse));

        ProxyRequestEvent otherQuery = as(event("list-partners.json"), "t-list");
        otherQuery.setQueryStringParameters(Map.of("limit", "2", "status", "ACTIVE", "nextToken", stolen));
        assertEquals(400, api.list.respond(otherQuery, null).getStatusCode());

        ProxyRequestEvent tampered = as(event("list-partners.json"), "t-list");
        tampered.setQueryStringParameters(Map.of("limit", "2", "nextToken", stolen.substring(0, stolen.length() - 2) + "AA"));
        assertEquals(400, api.list.respond(tampered, null).getStatusCode());

        for (String limit : List.of("0", "101", "ten", "-1")) {
            ProxyRequestEvent badLimit = as(event("list-partners.json"), "t-list");
            badLimit.setQueryStringParameters(Map.of("limit", limit));
            ProxyResponseEvent response = api.list.respond(badLimit, null);
            assertEquals(400, response.getStatusCode(), limit);
            assertEquals(Set.of("limit"), errorFields(response));
        }
        ProxyRequestEvent badStatus = as(event("list-partners.json"), "t-list");
        badStatus.setQueryStringParameters(Map.of("status", "DELETED"));
        assertEquals(Set.of("status"), errorFields(api.list.respond(badStatus, null)));
    }

    @Test
    void idsWithForeignCharactersAre400() {
        ProxyResponseEvent response = api.get.respond(
                withPartnerId(as(event("get-partner.json"), "t-ids"), "TENANT#t-other#PARTNER#x"), null);
        assertEquals(400, response.getStatusCode());
        assertEquals(Set.of("partnerId"), errorFields(response));
    }

    @Test
    void repeatedCreateWithTheSameIdempotencyKeyAnswersTheSameAndStoresOnce() {
        ProxyResponseEvent first = api.create.respond(
                withHeader(as(event("create-partner.json"), "t-idem"), "Idempotency-Key", "create-acme-1"), null);
        ProxyResponseEvent again = api.create.respond(
                withHeader(as(event("create-partner.json"), "t-idem"), "Idempotency-Key", "create-acme-1"), null);
        assertEquals(201, first.getStatusCode());
        assertEquals(201, again.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(first.getHeaders().get("ETag"), again.getHeaders().get("ETag"));
        assertEquals(1, storedCount("t-idem"));

        ProxyRequestEvent otherBody = withHeader(as(event("create-partner.json"), "t-idem"), "Idempotency-Key", "create-acme-1");
        otherBody.setBody("{\"name\":\"Other\",\"email\":\"o@acme.example\",\"country\":\"DE\"}");
        ProxyResponseEvent mismatch = api.create.respond(otherBody, null);
        assertEquals(422, mismatch.getStatusCode());
        assertEquals(1, storedCount("t-idem"));

        // the same key under another tenant is independent
        ProxyResponseEvent otherTenant = api.create.respond(
                withHeader(as(event("create-partner.json"), "t-idem-2"), "Idempotency-Key", "create-acme-1"), null);
        assertEquals(201, otherTenant.getStatusCode());
        assertFalse(json(otherTenant).get("id").equals(json(first).get("id")));
    }
}
