package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.OPENAPI;
import static io.atrium.catalog.handler.CatalogFixture.productBody;
import static io.atrium.catalog.handler.CatalogFixture.withProductId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every catalog route, driven by recorded API Gateway events, against real tables. */
class ProductHandlersTest {
    private static CatalogFixture api;

    @BeforeAll
    static void wire() {
        api = new CatalogFixture("catalog-handlers");
    }

    private static ProxyRequestEvent update(String tenant, String productId, String ifMatch, String body) {
        ProxyRequestEvent event = withHeader(withProductId(as(event("update-product.json"), tenant), productId), "If-Match", ifMatch);
        return body == null ? event : withBody(event, body);
    }

    @Test
    void createReturns201WithTheStoredProduct() {
        ProxyResponseEvent response = OPENAPI.call(api.create, as(event("create-product.json"), "t-create"));

        assertEquals(201, response.getStatusCode());
        JsonNode body = json(response);
        String id = body.get("id").textValue();
        assertTrue(id.startsWith("prd_"), id);
        assertEquals("MUG-001", body.get("sku").textValue());
        assertEquals("12.50", body.get("price").get("amount").textValue());
        assertEquals("EUR", body.get("price").get("currency").textValue());
        assertEquals(25, body.get("stock").intValue());
        assertEquals(1, body.get("version").intValue());
        assertNull(body.get("pk"));
        assertNull(body.get("tenantId"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("/v1/products/" + id, response.getHeaders().get("Location"));

        Map<String, AttributeValue> item = api.stored("TENANT#t-create#PRODUCT#" + id);
        assertEquals("25", item.get("stock").n());
        assertEquals("t-create", item.get("tenantId").s());
        assertEquals(id, api.stored("TENANT#t-create#SKU#MUG-001").get("productId").s());
    }

    @Test
    void aDuplicateSkuIs409InAnyCaseButFreeForAnotherTenant() {
        String first = api.createProduct("t-dup", "TEA-1", 5).get("id").textValue();

        ProxyResponseEvent again = OPENAPI.call(api.create,
                withBody(withHeader(as(event("create-product.json"), "t-dup"), "Idempotency-Key", null), productBody("tea-1", "Tea", "3.00", "EUR", 1)));

        assertEquals(409, again.getStatusCode());
        assertEquals("application/problem+json", again.getHeaders().get("Content-Type"));
        assertTrue(json(again).get("detail").textValue().contains(first));
        ProxyRequestEvent list = as(event("list-products.json"), "t-dup");
        assertEquals(1, json(OPENAPI.call(api.list, list)).get("items").size(), "the refused product must not be stored");
        assertEquals("TEA-1", api.createProduct("t-dup-other", "TEA-1", 5).get("sku").textValue());
    }

    @Test
    void invalidBodiesAre400NamingEachFieldAndStoreNothing() {
        ProxyRequestEvent bad = withHeader(as(event("create-product.json"), "t-invalid"), "Idempotency-Key", null);
        bad.setBody("{\"sku\":\"has space\",\"name\":\"\",\"price\":{\"amount\":12.5,\"currency\":\"eur\"},\"stock\":-1,"
                + "\"id\":\"prd_mine\",\"tenantId\":\"t-other\",\"version\":7}");

        ProxyResponseEvent response = OPENAPI.call(api.create, bad);

        assertEquals(400, response.getStatusCode());
        assertEquals(Set.of("sku", "name", "price.amount", "price.currency", "stock", "id", "tenantId", "version"),
                errorFields(response));
        assertEquals(0, json(OPENAPI.call(api.list, as(event("list-products.json"), "t-invalid"))).get("items").size());
    }

    @Test
    void moneyFollowsTheOneRuleDecimalStringIsoCurrencyMinorUnitNeverNegative() {
        ProxyRequestEvent negative = withHeader(as(event("create-product.json"), "t-money"), "Idempotency-Key", null);
        negative.setBody(productBody("NEG", "Neg", "-1.00", "EUR", 1));
        assertEquals(Set.of("price.amount"), errorFields(OPENAPI.call(api.create, negative)));

        ProxyRequestEvent precise = withHeader(as(event("create-product.json"), "t-money"), "Idempotency-Key", null);
        precise.setBody(productBody("PRECISE", "Precise", "0.1234", "EUR", 1));
        assertEquals(Set.of("price.amount"), errorFields(OPENAPI.call(api.create, precise)), "EUR has two decimals");

        ProxyRequestEvent yen = withHeader(as(event("create-product.json"), "t-money"), "Idempotency-Key", null);
        yen.setBody(productBody("YEN", "Yen", "1500.00", "JPY", 1));
        JsonNode body = json(OPENAPI.call(api.create, yen));
        assertEquals("1500", body.get("price").get("amount").textValue(), "JPY has no minor unit");
        assertEquals("JPY", body.get("price").get("currency").textValue());

        ProxyRequestEvent unknown = withHeader(as(event("create-product.json"), "t-money"), "Idempotency-Key", null);
        unknown.setBody(productBody("ZZZ", "Zzz", "1.00", "ZZZ", 1));
        assertEquals(Set.of("price.currency"), errorFields(OPENAPI.call(api.create, unknown)), "not an ISO 4217 code");

        ProxyRequestEvent whole = withHeader(as(event("create-product.json"), "t-money"), "Idempotency-Key", null);
        whole.setBody(productBody("WHOLE", "Whole", "7", "EUR", 1));
        assertEquals("7.00", json(OPENAPI.call(api.create, whole)).get("price").get("amount").textValue());
    }

    @Test
    void theBodyMustBeJsonOfAtMost64KiB() {
        ProxyRequestEvent csv = withHeader(as(event("create-product.json"), "t-media"), "Content-Type", "text/csv");
        assertEquals(415, OPENAPI.call(api.create, csv).getStatusCode());

        ProxyRequestEvent big = withHeader(as(event("create-product.json"), "t-media"), "Idempotency-Key", null);
        big.setBody(productBody("BIG", "x".repeat(70_000), "1.00", "EUR", 1));
        assertEquals(413, OPENAPI.call(api.create, big).getStatusCode());

        ProxyRequestEvent broken = withHeader(as(event("create-product.json"), "t-media"), "Idempotency-Key", null);
        broken.setBody("{\"sku\":");
        assertEquals(Set.of("body"), errorFields(OPENAPI.call(api.create, broken)));
    }

    @Test
    void aRepeatedCreateWithTheSameKeyAnswersTheSameAndStoresOne() {
        ProxyResponseEvent first = OPENAPI.call(api.create, as(event("create-product.json"), "t-idem"));
        ProxyResponseEvent second = OPENAPI.call(api.create, as(event("create-product.json"), "t-idem"));
        ProxyResponseEvent other = OPENAPI.call(api.create,
                withBody(as(event("create-product.json"), "t-idem"), productBody("OTHER", "Other", "1.00", "EUR", 1)));

        assertEquals(201, second.getStatusCode());
        assertEquals(first.getBody(), second.getBody());
        assertEquals(first.getHeaders().get("ETag"), second.getHeaders().get("ETag"));
        assertEquals(422, other.getStatusCode());
        assertEquals(1, json(OPENAPI.call(api.list, as(event("list-products.json"), "t-idem"))).get("items").size());
    }

    @Test
    void getReturnsTheProductWithItsETagAndHidesOtherTenants() {
        String id = api.createProduct("t-get", "GET-1", 3).get("id").textValue();

        ProxyResponseEvent response = OPENAPI.call(api.get, withProductId(as(event("get-product.json"), "t-get"), id));
        assertEquals(200, response.getStatusCode());
        assertEquals("GET-1", json(response).get("sku").textValue());
        assertEquals("\"1\"", response.getHeaders().get("ETag"));

        ProxyResponseEvent foreign = OPENAPI.call(api.get, withProductId(as(event("get-product.json"), "t-get-other"), id));
        ProxyResponseEvent missing = OPENAPI.call(api.get, withProductId(as(event("get-product.json"), "t-get-other"), "prd_nothing"));
        assertEquals(404, foreign.getStatusCode());
        assertEquals(json(missing).get("detail"), json(foreign).get("detail"), "another tenant's product looks exactly like none");
        assertEquals(400, OPENAPI.call(api.get, withProductId(as(event("get-product.json"), "t-get"), "bad id!")).getStatusCode());
    }

    @Test
    void listPagesWithSealedTokensNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, api.createProduct("t-list", "L-" + i, i).get("id").textValue());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ProxyRequestEvent event = as(event("list-products.json"), "t-list");
            Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
            if (token != null) {
                query.put("nextToken", token);
            }
            event.setQueryStringParameters(query);
            JsonNode page = json(OPENAPI.call(api.list, event));
            page.get("items").forEach(item -> seen.add(item.get("id").textValue()));
            token = page.has("nextToken") ? page.get("nextToken").textValue() : null;
            pages++;
        } while (token != null && pages < 10);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void badLimitsAndForeignOrTamperedTokensAre400() {
        api.createProduct("t-token", "T-1", 1);
        api.createProduct("t-token", "T-2", 1);
        ProxyRequestEvent first = as(event("list-products.json"), "t-token");
        first.setQueryStringParameters(Map.of("limit", "1"));
        String token = json(OPENAPI.call(api.list, first)).get("nextToken").textValue();

        for (String limit : List.of("0", "101", "ten")) {
            ProxyRequestEvent event = as(event("list-products.json"), "t-token");
            event.setQueryStringParameters(Map.of("limit", limit));
            assertEquals(Set.of("limit"), errorFields(OPENAPI.call(api.list, event)), limit);
        }
        String tampered = (token.charAt(5) == 'A' ? "B" : "A");
        tampered = token.substring(0, 5) + tampered + token.substring(6);
        for (Map.Entry<String, String> attempt : Map.of("t-token-other", token, "t-token", tampered).entrySet()) {
            ProxyRequestEvent event = as(event("list-products.json"), attempt.getKey());
            event.setQueryStringParameters(Map.of("limit", "1", "nextToken", attempt.getValue()));
            assertEquals(Set.of("nextToken"), errorFields(OPENAPI.call(api.list, event)));
        }
        ProxyRequestEvent otherQuery = as(event("list-products.json"), "t-token");
        otherQuery.setQueryStringParameters(Map.of("limit", "2", "nextToken", token));
        assertEquals(400, OPENAPI.call(api.list, otherQuery).getStatusCode(), "a token only opens on the query that issued it");
    }

    @Test
    void updateNeedsTheCurrentIfMatch() {
        String id = api.createProduct("t-upd", "UPD-1", 5).get("id").textValue();

        assertEquals(428, OPENAPI.call(api.update, update("t-upd", id, null, null)).getStatusCode());
        assertEquals(412, OPENAPI.call(api.update, update("t-upd", id, "\"7\"", null)).getStatusCode());
        assertEquals(412, OPENAPI.call(api.update, update("t-upd", id, "*", null)).getStatusCode());
        ProxyResponseEvent ok = OPENAPI.call(api.update, update("t-upd", id, "\"1\"", null));
        assertEquals(200, ok.getStatusCode());
        JsonNode body = json(ok);
        assertEquals("Enamel mug, blue", body.get("name").textValue());
        assertEquals("13.00", body.get("price").get("amount").textValue());
        assertEquals(40, body.get("stock").intValue());
        assertEquals(2, body.get("version").intValue());
        assertEquals("\"2\"", ok.getHeaders().get("ETag"));
        assertEquals(412, OPENAPI.call(api.update, update("t-upd", id, "\"1\"", null)).getStatusCode(), "the old ETag is spent");
        assertEquals("40", api.stored("TENANT#t-upd#PRODUCT#" + id).get("stock").n());
        assertEquals(404, OPENAPI.call(api.update, update("t-upd-other", id, "\"2\"", null)).getStatusCode());
    }

    @Test
    void anSkuChangeMovesTheClaimOrIs409WhenTaken() {
        String a = api.createProduct("t-sku", "A-SKU", 1).get("id").textValue();
        api.createProduct("t-sku", "B-SKU", 1);

        ProxyResponseEvent taken = OPENAPI.call(api.update, update("t-sku", a, "\"1\"", productBody("b-sku", "A", "1.00", "EUR", 1)));
        assertEquals(409, taken.getStatusCode());
        assertEquals("A-SKU", api.stored("TENANT#t-sku#PRODUCT#" + a).get("sku").s());

        ProxyResponseEvent moved = OPENAPI.call(api.update, update("t-sku", a, "\"1\"", productBody("C-SKU", "A", "1.00", "EUR", 1)));
        assertEquals(200, moved.getStatusCode());
        assertEquals("C-SKU", json(moved).get("sku").textValue());
        assertTrue(api.stored("TENANT#t-sku#SKU#A-SKU").isEmpty());
        assertEquals("A-SKU", api.createProduct("t-sku", "A-SKU", 1).get("sku").textValue(), "the released sku is free again");
    }

    @Test
    void callersNeedAVerifiedTenantAndTheRoutesScope() {
        ProxyRequestEvent anonymous = event("create-product.json");
        anonymous.getRequestContext().setAuthorizer(null);
        assertEquals(401, OPENAPI.call(api.create, anonymous).getStatusCode());

        ProxyRequestEvent readOnly = withScopes(as(event("create-product.json"), "t-scope"), "catalog/read");
        ProxyResponseEvent forbidden = OPENAPI.call(api.create, readOnly);
        assertEquals(403, forbidden.getStatusCode());
        assertEquals(0, json(OPENAPI.call(api.list, as(event("list-products.json"), "t-scope"))).get("items").size());

        String id = api.createProduct("t-scope", "SCOPE-1", 1).get("id").textValue();
        assertEquals(403, OPENAPI.call(api.update, withScopes(update("t-scope", id, "\"1\"", null), "catalog/read")).getStatusCode());
        assertEquals(403, OPENAPI.call(api.get, withScopes(withProductId(as(event("get-product.json"), "t-scope"), id), "orders/read")).getStatusCode());
        assertFalse(json(forbidden).get("detail").textValue().contains("Exception"));
    }
}
