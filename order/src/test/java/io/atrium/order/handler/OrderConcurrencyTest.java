package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.OPENAPI;
import static io.atrium.order.handler.OrderFixture.orderBody;
import static io.atrium.order.handler.OrderFixture.placing;
import static io.atrium.order.handler.OrderFixture.withOrderId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.testing.Concurrently;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent clients through the handlers and the real database: stock is never oversold or lost. */
class OrderConcurrencyTest {
    private static final int CLIENTS = 64;
    private static OrderFixture api;
    private static Concurrently clients;

    @BeforeAll
    static void wire() {
        api = new OrderFixture("order-concurrency");
        clients = new Concurrently(CLIENTS);
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    private static long count(List<ProxyResponseEvent> answers, int status) {
        return answers.stream().filter(a -> a.getStatusCode() == status).count();
    }

    @Test
    void sixtyFourOrdersForTenInStockSellExactlyTen() throws Exception {
        String product = api.product("t-rush", "9.99", "EUR", 10);
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String key = "rush-" + i;
            calls.add(() -> OPENAPI.call(api.place, placing("t-rush", key, orderBody(product, 1))));
        }

        List<ProxyResponseEvent> answers = clients.run(calls);

        for (ProxyResponseEvent answer : answers) {
            assertTrue(answer.getStatusCode() == 201 || answer.getStatusCode() == 409,
                    answer.getStatusCode() + " " + answer.getBody());
        }
        assertEquals(10, count(answers, 201));
        assertEquals(CLIENTS - 10, count(answers, 409));
        assertEquals(0, api.stock("t-rush", product));
        assertEquals(10, api.storedOrders("t-rush"));
        Set<String> ids = new HashSet<>();
        answers.stream().filter(a -> a.getStatusCode() == 201).forEach(a -> ids.add(json(a).get("id").textValue()));
        assertEquals(10, ids.size(), "ten distinct orders");
    }

    @Test
    void aHundredRepeatsOfOnePostStoreOneOrderAndAnswerAlike() throws Exception {
        String product = api.product("t-retry", "2.50", "EUR", 500);
        String body = orderBody(product, 3);
        ProxyResponseEvent first = OPENAPI.call(api.place, placing("t-retry", "retry-key", body));
        assertEquals(201, first.getStatusCode(), first.getBody());
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            calls.add(() -> OPENAPI.call(api.place, placing("t-retry", "retry-key", body)));
        }

        List<ProxyResponseEvent> answers = clients.run(calls);

        for (ProxyResponseEvent answer : answers) {
            assertEquals(201, answer.getStatusCode());
            assertEquals(first.getBody(), answer.getBody());
            assertEquals(first.getHeaders().get("ETag"), answer.getHeaders().get("ETag"));
            assertEquals(first.getHeaders().get("Location"), answer.getHeaders().get("Location"));
        }
        assertEquals(1, api.storedOrders("t-retry"));
        assertEquals(497, api.stock("t-retry", product));
    }

    @Test
    void simultaneousFirstRequestsWithOneKeyRunOnce() throws Exception {
        String product = api.product("t-dupe", "1.00", "EUR", 100);
        String body = orderBody(product, 2);
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(() -> OPENAPI.call(api.place, placing("t-dupe", "same-key", body)));
        }

        List<ProxyResponseEvent> answers = clients.run(calls);

        for (ProxyResponseEvent answer : answers) {
            int status = answer.getStatusCode();
            assertTrue(status == 201 || status == 409, status + " " + answer.getBody());
            if (status == 409) {
                assertTrue(json(answer).get("type").textValue().endsWith("idempotency-in-progress"), answer.getBody());
            }
        }
        assertEquals(1, api.storedOrders("t-dupe"));
        assertEquals(98, api.stock("t-dupe", product));
        ProxyResponseEvent later = OPENAPI.call(api.place, placing("t-dupe", "same-key", body));
        assertEquals(201, later.getStatusCode());
        answers.stream().filter(a -> a.getStatusCode() == 201).forEach(a -> assertEquals(later.getBody(), a.getBody()));
    }

    @Test
    void concurrentCancelsOfOneOrderPutTheStockBackOnce() throws Exception {
        String product = api.product("t-cancels", "1.00", "EUR", 10);
        ProxyResponseEvent placed = OPENAPI.call(api.place, placing("t-cancels", "cancel-me", orderBody(product, 6)));
        String id = json(placed).get("id").textValue();
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> OPENAPI.call(api.cancel, withHeader(withOrderId(as(event("cancel-order.json"), "t-cancels"), id), "If-Match", "\"1\"")));
        }

        List<ProxyResponseEvent> answers = clients.run(calls);

        assertEquals(1, count(answers, 200));
        assertEquals(15, count(answers, 409) + count(answers, 412), "the others are refused: " + answers.stream()
                .map(ProxyResponseEvent::getStatusCode).toList());
        assertEquals(10, api.stock("t-cancels", product), "released exactly once");
    }

    @Test
    void ordersAndCancelsInterleavedNeverLoseStock() throws Exception {
        String product = api.product("t-mixed", "1.00", "EUR", 20);
        List<String> toCancel = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            toCancel.add(json(OPENAPI.call(api.place, placing("t-mixed", "first-" + i, orderBody(product, 1)))).get("id").textValue());
        }
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (String id : toCancel) {
            calls.add(() -> OPENAPI.call(api.cancel, withHeader(withOrderId(as(event("cancel-order.json"), "t-mixed"), id), "If-Match", "\"1\"")));
        }
        for (int i = 0; i < 40; i++) {
            String key = "second-" + i;
            calls.add(() -> OPENAPI.call(api.place, placing("t-mixed", key, orderBody(product, 1))));
        }

        List<ProxyResponseEvent> answers = clients.run(calls);

        assertEquals(8, count(answers.subList(0, 8), 200), "every cancel succeeds");
        long sold = count(answers.subList(8, answers.size()), 201);
        assertTrue(sold >= 12 && sold <= 20, "sold " + sold);
        assertEquals(20 - sold, api.stock("t-mixed", product), "stock = start - live orders");
        ProxyResponseEvent pending = OPENAPI.call(api.list, pendingList("t-mixed"));
        assertEquals(sold, json(pending).get("items").size());
    }

    private static io.atrium.shared.api.ProxyRequestEvent pendingList(String tenant) {
        var event = as(event("list-orders.json"), tenant);
        event.setQueryStringParameters(java.util.Map.of("status", "PENDING", "limit", "100"));
        return event;
    }
}
