package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.OPENAPI;
import static io.atrium.catalog.handler.CatalogFixture.productBody;
import static io.atrium.catalog.handler.CatalogFixture.withProductId;
import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.testing.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Concurrent writers through the handlers and the real database: optimistic locking loses nothing. */
class ProductConcurrencyTest {
    private static final int WRITERS = 32;
    private static CatalogFixture api;
    private static Concurrently writers;

    @BeforeAll
    static void wire() {
        api = new CatalogFixture("catalog-concurrency");
        writers = new Concurrently(WRITERS);
    }

    @AfterAll
    static void stop() {
        writers.close();
    }

    private static ProxyRequestEvent update(String tenant, String productId, String body) {
        return withBody(withHeader(withProductId(as(event("update-product.json"), tenant), productId), "If-Match", "\"1\""), body);
    }

    @Test
    void thirtyTwoUpdatesWithTheSameIfMatchLeaveExactlyOneWinnerAndNothingLost() throws Exception {
        String id = api.createProduct("t-race", "RACE", 10).get("id").textValue();
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("RACE", "Writer " + i, i + ".00", "EUR", 100 + i);
            calls.add(() -> OPENAPI.call(api.update, update("t-race", id, body)));
        }

        List<ProxyResponseEvent> answers = writers.run(calls);

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int status = answers.get(i).getStatusCode();
            assertTrue(status == 200 || status == 412, "writer " + i + " answered " + status + " " + answers.get(i).getBody());
            if (status == 200) {
                winners.add(i);
            }
        }
        assertEquals(1, winners.size(), "exactly one update may win: " + winners);
        int winner = winners.get(0);
        JsonNode stored = json(OPENAPI.call(api.get, withProductId(as(event("get-product.json"), "t-race"), id)));
        assertEquals("Writer " + winner, stored.get("name").textValue(), "the stored product is the winner's, whole");
        assertEquals(winner + ".00", stored.get("price").get("amount").textValue());
        assertEquals(100 + winner, stored.get("stock").intValue());
        assertEquals(2, stored.get("version").intValue(), "one write happened, not one per writer");
        assertEquals(json(answers.get(winner)), stored, "the winner was told what is stored");
    }

    @Test
    void thirtyTwoSkuMovesWithTheSameIfMatchLeaveExactlyOneClaim() throws Exception {
        String id = api.createProduct("t-race-sku", "START", 10).get("id").textValue();
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("MOVE-" + i, "Mover " + i, "1.00", "EUR", 10);
            calls.add(() -> OPENAPI.call(api.update, update("t-race-sku", id, body)));
        }

        List<ProxyResponseEvent> answers = writers.run(calls);

        int winner = -1;
        for (int i = 0; i < WRITERS; i++) {
            int status = answers.get(i).getStatusCode();
            assertTrue(status == 200 || status == 412, "writer " + i + " answered " + status + " " + answers.get(i).getBody());
            if (status == 200) {
                assertEquals(-1, winner, "a second winner: " + i);
                winner = i;
            }
        }
        assertTrue(winner >= 0, "one writer must win");
        assertEquals("MOVE-" + winner, api.stored("TENANT#t-race-sku#PRODUCT#" + id).get("sku").s());
        assertTrue(api.stored("TENANT#t-race-sku#SKU#START").isEmpty(), "the old claim is released");
        for (int i = 0; i < WRITERS; i++) {
            Map<String, AttributeValue> claim = api.stored("TENANT#t-race-sku#SKU#MOVE-" + i);
            if (i == winner) {
                assertEquals(id, claim.get("productId").s());
            } else {
                assertTrue(claim.isEmpty(), "a losing writer left a claim on MOVE-" + i);
            }
        }
    }

    @Test
    void concurrentCreatesWithOneSkuStoreExactlyOneProduct() throws Exception {
        List<Callable<ProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("ONLY-ONE", "Creator " + i, "1.00", "EUR", i);
            calls.add(() -> OPENAPI.call(api.create, withBody(withHeader(as(event("create-product.json"), "t-race-create"),
                    "Idempotency-Key", null), body)));
        }

        List<ProxyResponseEvent> answers = writers.run(calls);

        long created = answers.stream().filter(a -> a.getStatusCode() == 201).count();
        long conflicts = answers.stream().filter(a -> a.getStatusCode() == 409).count();
        assertEquals(1, created);
        assertEquals(WRITERS - 1, conflicts);
        assertEquals(1, json(OPENAPI.call(api.list, as(event("list-products.json"), "t-race-create"))).get("items").size());
    }
}
