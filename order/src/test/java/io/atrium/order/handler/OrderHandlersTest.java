package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.OPENAPI;
import static io.atrium.order.handler.OrderFixture.orderBody;
import static io.atrium.order.handler.OrderFixture.placing;
import static io.atrium.order.handler.OrderFixture.withOrderId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.assertProblem;
import static io.atrium.shared.testing.ApiEvents.created;
import static io.atrium.shared.testing.ApiEvents.errorFields;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
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

/** Every order route, driven by recorded API Gateway events, against real tables. */
class OrderHandlersTest {
    private static OrderFixture api;

    @BeforeAll
    static void wire() {
        api = new OrderFixture("order-handlers");
    }

    private static String detail(ProxyResponseEvent response) {
        return json(response).get("detail").textValue();
    }

    private static JsonNode placed(String tenant, String key, String body) {
        return created(OPENAPI.call(api.place, placing(tenant, key, body)));
    }

    private static ProxyRequestEvent cancelling(String tenant, String orderId, String ifMatch) {
        return withHeader(withOrderId(as(event("cancel-order.json"), tenant), orderId), "If-Match", ifMatch);
    }

    @Test
    void placeReturns201PendingWithTheCatalogsPricesAndReservesTheStock() {
        String mug = api.product("t-place", "19.99", "EUR", 10);
        String tea = api.product("t-place", "0.10", "EUR", 100);

        ProxyResponseEvent response = OPENAPI.call(api.place, placing("t-place", "k-place", orderBody(mug, 3, tea, 2)));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode order = json(response);
        String id = order.get("id").textValue();
        assertTrue(id.startsWith("ord_"), id);
        assertEquals("PENDING", order.get("status").textValue());
        assertEquals("60.17", order.get("total").get("amount").textValue());
        assertEquals("EUR", order.get("total").get("currency").textValue());
        JsonNode first = order.get("items").get(0);
        assertEquals(mug, first.get("productId").textValue());
        assertEquals("19.99", first.get("unitPrice").get("amount").textValue());
        assertEquals("59.97", first.get("lineTotal").get("amount").textValue());
        assertEquals("SKU-" + mug, first.get("sku").textValue());
        assertEquals(1, order.get("version").intValue());
        assertNull(order.get("pk"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
        assertEquals("/v1/orders/" + id, response.getHeaders().get("Location"));
        assertEquals(7, api.stock("t-place", mug));
        assertEquals(98, api.stock("t-place", tea));
    }

    @Test
    void aClientSentPriceIsAnUnknownField() {
        String product = api.product("t-price", "5.00", "EUR", 10);

        ProxyResponseEvent response = OPENAPI.call(api.place, placing("t-price", "k-price",
                "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1,\"price\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}}],"
                        + "\"total\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}}"));

        assertEquals(400, response.getStatusCode());
        assertEquals(Set.of("items[0].price", "total"), errorFields(response));
        assertEquals(10, api.stock("t-price", product));
        assertEquals(0, api.storedOrders("t-price"));
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        String product = api.product("t-nokey", "5.00", "EUR", 10);

        ProxyResponseEvent response = OPENAPI.call(api.place, placing("t-nokey", null, orderBody(product, 1)));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(Set.of("Idempotency-Key"), errorFields(response));
        assertEquals(0, api.storedOrders("t-nokey"));
        assertEquals(10, api.stock("t-nokey", product));
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheSameAnswerAndReservesOnce() {
        String product = api.product("t-repeat", "2.00", "EUR", 10);

        ProxyResponseEvent first = OPENAPI.call(api.place, placing("t-repeat", "k-repeat", orderBody(product, 4)));
        ProxyResponseEvent second = OPENAPI.call(api.place, placing("t-repeat", "k-repeat", orderBody(product, 4)));
        ProxyResponseEvent changed = OPENAPI.call(api.place, placing("t-repeat", "k-repeat", orderBody(product, 5)));

        assertEquals(201, second.getStatusCode());
        assertEquals(first.getBody(), second.getBody());
        assertEquals(first.getHeaders().get("Location"), second.getHeaders().get("Location"));
        assertEquals(422, changed.getStatusCode());
        assertEquals(6, api.stock("t-repeat", product));
        assertEquals(1, api.storedOrders("t-repeat"));
    }

    @Test
    void anUnknownOrForeignProductIs404NamingItAndReservesNothing() {
        String mine = api.product("t-ref", "1.00", "EUR", 10);
        String theirs = api.product("t-ref-other", "1.00", "EUR", 10);

        ProxyResponseEvent foreign = OPENAPI.call(api.place, placing("t-ref", "k-foreign", orderBody(mine, 1, theirs, 1)));
        ProxyResponseEvent unknown = OPENAPI.call(api.place, placing("t-ref", "k-unknown", orderBody(mine, 1, "prd_none", 1)));

        assertEquals(404, foreign.getStatusCode());
        assertTrue(detail(foreign).contains(theirs), detail(foreign));
        assertEquals(404, unknown.getStatusCode());
        assertTrue(detail(unknown).contains("prd_none"), detail(unknown));
        assertEquals(10, api.stock("t-ref", mine));
        assertEquals(10, api.stock("t-ref-other", theirs));
        assertEquals(0, api.storedOrders("t-ref"));
    }

    @Test
    void notEnoughStockForAnyLineIs409AndReservesNothing() {
        String plenty = api.product("t-short", "1.00", "EUR", 50);
        String scarce = api.product("t-short", "1.00", "EUR", 2);

        ProxyResponseEvent response = OPENAPI.call(api.place, placing("t-short", "k-short", orderBody(plenty, 5, scarce, 3)));

        assertEquals(409, response.getStatusCode());
        assertTrue(detail(response).contains(scarce), detail(response));
        assertFalse(detail(response).contains(plenty), detail(response));
        assertEquals(50, api.stock("t-short", plenty));
        assertEquals(2, api.stock("t-short", scarce));
        assertEquals(0, api.storedOrders("t-short"));
    }

    @Test
    void aTotalPastFifteenIntegerDigitsIs409AndReservesNothing() {
        String dear = api.product("t-huge", "999999999999999.99", "EUR", 1_000_000);
        String cheap = api.product("t-huge", "0.01", "EUR", 5);

        ProxyResponseEvent lineTotal = OPENAPI.call(api.place, placing("t-huge", "k-huge-1", orderBody(dear, 2)));
        assertProblem(lineTotal, 409);
        ProxyResponseEvent sum = OPENAPI.call(api.place, placing("t-huge", "k-huge-2", orderBody(dear, 1, cheap, 1)));
        assertProblem(sum, 409);
        assertTrue(detail(sum).contains("15 digits"), detail(sum));

        assertEquals(1_000_000, api.stock("t-huge", dear));
        assertEquals(5, api.stock("t-huge", cheap));
        assertEquals(0, api.storedOrders("t-huge"));
        JsonNode atTheBound = placed("t-huge", "k-huge-3", orderBody(dear, 1));
        assertEquals("999999999999999.99", atTheBound.get("total").get("amount").textValue());
    }

    @Test
    void productsInDifferentCurrenciesCannotShareAnOrder() {
        String euro = api.product("t-fx", "1.00", "EUR", 5);
        String dollar = api.product("t-fx", "1.00", "USD", 5);

        ProxyResponseEvent response = OPENAPI.call(api.place, placing("t-fx", "k-fx", orderBody(euro, 1, dollar, 1)));

        assertEquals(409, response.getStatusCode());
        assertTrue(detail(response).contains("EUR, USD"), detail(response));
        assertEquals(5, api.stock("t-fx", euro));
    }

    @Test
    void badLinesAre400NamingEachField() {
        String product = api.product("t-lines", "1.00", "EUR", 5);

        ProxyResponseEvent duplicate = OPENAPI.call(api.place, placing("t-lines", "k-dup", orderBody(product, 1, product, 2)));
        assertEquals(Set.of("items[1].productId"), errorFields(duplicate));

        ProxyResponseEvent bad = OPENAPI.call(api.place, placing("t-lines", "k-bad",
                "{\"items\":[{\"productId\":\"has space\",\"quantity\":0},{\"quantity\":\"2\"},null]}"));
        assertEquals(Set.of("items[0].productId", "items[0].quantity", "items[1].productId", "items[1].quantity", "items[2]"),
                errorFields(bad));

        assertEquals(Set.of("items"), errorFields(OPENAPI.call(api.place, placing("t-lines", "k-empty", "{\"items\":[]}"))));
        assertEquals(Set.of("items"), errorFields(OPENAPI.call(api.place, placing("t-lines", "k-none", "{}"))));
        assertEquals(5, api.stock("t-lines", product));
    }

    @Test
    void anOrderHasAtMost99LinesSinceOneTransactionHoldsThemAll() {
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add("prd_line" + i);
            lines.add(1);
        }
        ProxyResponseEvent tooMany = OPENAPI.call(api.place, placing("t-cap", "k-cap", orderBody(lines.toArray())));
        assertEquals(Set.of("items"), errorFields(tooMany));
        assertTrue(json(tooMany).get("errors").get(0).get("message").textValue().contains("99"));

        List<Object> fits = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            fits.add(api.product("t-cap", "0.01", "EUR", 1));
            fits.add(1);
        }
        JsonNode order = placed("t-cap", "k-fits", orderBody(fits.toArray()));
        assertEquals(99, order.get("items").size());
        assertEquals("0.99", order.get("total").get("amount").textValue());
    }

    @Test
    void getShowsTheOrderToItsTenantOnly() {
        String product = api.product("t-get", "3.00", "EUR", 5);
        String id = placed("t-get", "k-get", orderBody(product, 2)).get("id").textValue();

        ProxyResponseEvent response = OPENAPI.call(api.get, withOrderId(as(event("get-order.json"), "t-get"), id));
        assertEquals(200, response.getStatusCode());
        assertEquals("6.00", json(response).get("total").get("amount").textValue());
        assertEquals("\"1\"", response.getHeaders().get("ETag"));

        ProxyResponseEvent foreign = OPENAPI.call(api.get, withOrderId(as(event("get-order.json"), "t-get-other"), id));
        ProxyResponseEvent missing = OPENAPI.call(api.get, withOrderId(as(event("get-order.json"), "t-get-other"), "ord_none"));
        assertEquals(404, foreign.getStatusCode());
        assertEquals(detail(missing), detail(foreign));
    }

    @Test
    void listShowsAllOrOneStatusInSealedPages() {
        String product = api.product("t-list", "1.00", "EUR", 100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, placed("t-list", "k-list-" + i, orderBody(product, 1)).get("id").textValue());
        }
        ProxyResponseEvent cancelled = OPENAPI.call(api.cancel, cancelling("t-list", ids.get(1), "\"1\""));
        assertEquals(200, cancelled.getStatusCode());

        assertEquals(ids, pagedIds("t-list", null, "2"));
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(3), ids.get(4)), pagedIds("t-list", "PENDING", "3"));
        assertEquals(List.of(ids.get(1)), pagedIds("t-list", "CANCELLED", "3"));
        assertEquals(List.of(), pagedIds("t-list", "CONFIRMED", "3"));
        assertEquals(List.of(), pagedIds("t-list-other", null, "3"));

        ProxyRequestEvent badStatus = as(event("list-orders.json"), "t-list");
        badStatus.setQueryStringParameters(Map.of("status", "SHIPPED"));
        assertEquals(Set.of("status"), errorFields(OPENAPI.call(api.list, badStatus)));
        ProxyRequestEvent first = as(event("list-orders.json"), "t-list");
        first.setQueryStringParameters(Map.of("status", "PENDING", "limit", "1"));
        String token = json(OPENAPI.call(api.list, first)).get("nextToken").textValue();
        ProxyRequestEvent otherQuery = as(event("list-orders.json"), "t-list");
        otherQuery.setQueryStringParameters(Map.of("status", "CANCELLED", "limit", "1", "nextToken", token));
        assertEquals(Set.of("nextToken"), errorFields(OPENAPI.call(api.list, otherQuery)));
        ProxyRequestEvent limit = as(event("list-orders.json"), "t-list");
        limit.setQueryStringParameters(Map.of("limit", "101"));
        assertEquals(Set.of("limit"), errorFields(OPENAPI.call(api.list, limit)));
    }

    private static List<String> pagedIds(String tenant, String status, String limit) {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ProxyRequestEvent event = as(event("list-orders.json"), tenant);
            Map<String, String> query = new HashMap<>(Map.of("limit", limit));
            if (status != null) {
                query.put("status", status);
            }
            if (token != null) {
                query.put("nextToken", token);
            }
            event.setQueryStringParameters(query);
            JsonNode page = json(OPENAPI.call(api.list, event));
            page.get("items").forEach(item -> {
                seen.add(item.get("id").textValue());
                if (status != null) {
                    assertEquals(status, item.get("status").textValue());
                }
            });
            token = page.has("nextToken") ? page.get("nextToken").textValue() : null;
        } while (token != null && ++pages < 20);
        return seen;
    }

    @Test
    void cancelPutsTheStockBackOnceAndThenIs409() {
        String a = api.product("t-cancel", "4.00", "EUR", 10);
        String b = api.product("t-cancel", "1.00", "EUR", 3);
        String id = placed("t-cancel", "k-cancel", orderBody(a, 4, b, 3)).get("id").textValue();
        assertEquals(6, api.stock("t-cancel", a));
        assertEquals(0, api.stock("t-cancel", b));

        assertEquals(428, OPENAPI.call(api.cancel, cancelling("t-cancel", id, null)).getStatusCode());
        assertEquals(412, OPENAPI.call(api.cancel, cancelling("t-cancel", id, "\"9\"")).getStatusCode());
        assertEquals(404, OPENAPI.call(api.cancel, cancelling("t-cancel-other", id, "\"1\"")).getStatusCode());
        ProxyResponseEvent response = OPENAPI.call(api.cancel, cancelling("t-cancel", id, "\"1\""));

        assertEquals(200, response.getStatusCode());
        assertEquals("CANCELLED", json(response).get("status").textValue());
        assertEquals(2, json(response).get("version").intValue());
        assertEquals("\"2\"", response.getHeaders().get("ETag"));
        assertEquals(10, api.stock("t-cancel", a));
        assertEquals(3, api.stock("t-cancel", b));

        ProxyResponseEvent again = OPENAPI.call(api.cancel, cancelling("t-cancel", id, "\"2\""));
        assertEquals(409, again.getStatusCode());
        assertEquals(409, OPENAPI.call(api.cancel, cancelling("t-cancel", id, "\"1\"")).getStatusCode(), "cancelled is final, whatever the ETag");
        assertEquals(10, api.stock("t-cancel", a));
        JsonNode stored = json(OPENAPI.call(api.get, withOrderId(as(event("get-order.json"), "t-cancel"), id)));
        assertEquals("CANCELLED", stored.get("status").textValue());
    }

    @Test
    void aConfirmedOrderCanStillBeCancelledWithItsStockBack() {
        String product = api.product("t-confirmed", "1.00", "EUR", 5);
        String id = placed("t-confirmed", "k-confirmed", orderBody(product, 5)).get("id").textValue();
        api.service.confirm("t-confirmed", id);

        JsonNode confirmed = json(OPENAPI.call(api.get, withOrderId(as(event("get-order.json"), "t-confirmed"), id)));
        assertEquals("CONFIRMED", confirmed.get("status").textValue());
        ProxyResponseEvent response = OPENAPI.call(api.cancel, cancelling("t-confirmed", id, "\"2\""));

        assertEquals(200, response.getStatusCode());
        assertEquals("CANCELLED", json(response).get("status").textValue());
        assertEquals(5, api.stock("t-confirmed", product));
    }

    @Test
    void callersNeedAVerifiedTenantAndTheRoutesScope() {
        String product = api.product("t-scope", "1.00", "EUR", 5);
        ProxyRequestEvent anonymous = placing("t-scope", "k-anon", orderBody(product, 1));
        anonymous.getRequestContext().setAuthorizer(null);
        assertEquals(401, OPENAPI.call(api.place, anonymous).getStatusCode());
        assertEquals(403, OPENAPI.call(api.place, withScopes(placing("t-scope", "k-ro", orderBody(product, 1)), "orders/read")).getStatusCode());
        assertEquals(403, OPENAPI.call(api.list, withScopes(as(event("list-orders.json"), "t-scope"), "catalog/read")).getStatusCode());
        assertEquals(5, api.stock("t-scope", product));
        assertEquals(0, api.storedOrders("t-scope"));
    }
}
