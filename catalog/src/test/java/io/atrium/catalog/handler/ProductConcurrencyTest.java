package io.atrium.catalog.handler;

import static io.atrium.catalog.handler.CatalogFixture.as;
import static io.atrium.catalog.handler.CatalogFixture.call;
import static io.atrium.catalog.handler.CatalogFixture.event;
import static io.atrium.catalog.handler.CatalogFixture.json;
import static io.atrium.catalog.handler.CatalogFixture.productBody;
import static io.atrium.catalog.handler.CatalogFixture.withBody;
import static io.atrium.catalog.handler.CatalogFixture.withHeader;
import static io.atrium.catalog.handler.CatalogFixture.withProductId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Concurrent writers through the handlers and the real database: optimistic locking loses nothing. */
class ProductConcurrencyTest {
    private static final int WRITERS = 32;
    private static CatalogFixture api;
    private static ExecutorService pool;

    @BeforeAll
    static void wire() {
        api = new CatalogFixture("catalog-concurrency");
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Runs every call at once (released together) and returns the answers in submission order. */
    private static List<APIGatewayProxyResponseEvent> together(List<Callable<APIGatewayProxyResponseEvent>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayProxyResponseEvent>> futures = new ArrayList<>();
        for (Callable<APIGatewayProxyResponseEvent> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<APIGatewayProxyResponseEvent> answers = new ArrayList<>();
        for (Future<APIGatewayProxyResponseEvent> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static APIGatewayProxyRequestEvent update(String tenant, String productId, String body) {
        return withBody(withHeader(withProductId(as(event("update-product.json"), tenant), productId), "If-Match", "\"1\""), body);
    }

    @Test
    void thirtyTwoUpdatesWithTheSameIfMatchLeaveExactlyOneWinnerAndNothingLost() throws Exception {
        String id = api.createProduct("t-race", "RACE", 10).get("id").textValue();
        List<Callable<APIGatewayProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("RACE", "Writer " + i, i + ".00", "EUR", 100 + i);
            calls.add(() -> call(api.update, update("t-race", id, body)));
        }

        List<APIGatewayProxyResponseEvent> answers = together(calls);

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
        JsonNode stored = json(call(api.get, withProductId(as(event("get-product.json"), "t-race"), id)));
        assertEquals("Writer " + winner, stored.get("name").textValue(), "the stored product is the winner's, whole");
        assertEquals(winner + ".00", stored.get("price").get("amount").textValue());
        assertEquals(100 + winner, stored.get("stock").intValue());
        assertEquals(2, stored.get("version").intValue(), "one write happened, not one per writer");
        assertEquals(json(answers.get(winner)), stored, "the winner was told what is stored");
    }

    @Test
    void thirtyTwoSkuMovesWithTheSameIfMatchLeaveExactlyOneClaim() throws Exception {
        String id = api.createProduct("t-race-sku", "START", 10).get("id").textValue();
        List<Callable<APIGatewayProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("MOVE-" + i, "Mover " + i, "1.00", "EUR", 10);
            calls.add(() -> call(api.update, update("t-race-sku", id, body)));
        }

        List<APIGatewayProxyResponseEvent> answers = together(calls);

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
        List<Callable<APIGatewayProxyResponseEvent>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = productBody("ONLY-ONE", "Creator " + i, "1.00", "EUR", i);
            calls.add(() -> call(api.create, withBody(withHeader(as(event("create-product.json"), "t-race-create"),
                    "Idempotency-Key", null), body)));
        }

        List<APIGatewayProxyResponseEvent> answers = together(calls);

        long created = answers.stream().filter(a -> a.getStatusCode() == 201).count();
        long conflicts = answers.stream().filter(a -> a.getStatusCode() == 409).count();
        assertEquals(1, created);
        assertEquals(WRITERS - 1, conflicts);
        assertEquals(1, json(call(api.list, as(event("list-products.json"), "t-race-create"))).get("items").size());
    }
}
