package io.atrium.order.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import io.atrium.local.openapi.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main catalog and order flow over HTTP through the local runtime, as a client sees it: onboard a
 * tenant, take its token, add a product, order it, see the order queue's worker confirm it, cancel the order
 * and find the stock back. Every answer of the two APIs is checked against their openapi.json.
 * <p>
 * The runtime runs the stacks' packaged code: this module's test dependencies on authz and catalog make
 * {@code mvn verify} (also {@code -pl order -am}) package them and the layer before this end-to-end test runs.
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "catalog/template.yaml", "order/template.yaml"})
class CatalogOrderEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final OpenApiContract ORDER_API = OpenApiContract.fromClasspath(
            CatalogOrderEndToEndTest.class.getClassLoader(), "openapi.json");
    private static OpenApiContract catalogApi;
    private static String token;

    @BeforeAll
    static void onboardATenant(LocalSystem system) {
        catalogApi = OpenApiContract.load(system.runtime().root().resolve("catalog/src/main/resources/openapi.json"));
        ApiClients clients = new ApiClients(system);
        token = clients.token(clients.onboard("E2E shop", "premium"));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A call to one of the two APIs, checked against its openapi.json under the route's template path. */
    private static HttpResponse<String> call(OpenApiContract contract, String route, HttpRequest.Builder request)
            throws Exception {
        HttpResponse<String> response = send(request.header("Authorization", "Bearer " + token).build());
        String method = response.request().method();
        contract.assertResponse(method, route, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "every answer carries X-Request-Id");
        return response;
    }

    private static HttpRequest.Builder json(URI uri, String method, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void productThenOrderThenCancelPutsTheStockBack(LocalSystem system) throws Exception {
        URI catalog = system.baseUrl("catalog");
        URI orders = system.baseUrl("order");

        HttpResponse<String> product = call(catalogApi, "/products", json(catalog.resolve("v1/products"), "POST",
                "{\"sku\":\"E2E-MUG\",\"name\":\"Mug\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"stock\":10}"));
        assertEquals(201, product.statusCode(), product.body());
        String productId = JSON.readTree(product.body()).get("id").textValue();

        HttpResponse<String> placed = call(ORDER_API, "/orders", json(orders.resolve("v1/orders"), "POST",
                "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":3}]}").header("Idempotency-Key", "e2e-order-1"));
        assertEquals(201, placed.statusCode(), placed.body());
        JsonNode order = JSON.readTree(placed.body());
        assertEquals("PENDING", order.get("status").textValue());
        assertEquals("37.50", order.get("total").get("amount").textValue());
        String orderId = order.get("id").textValue();
        assertEquals(7, stock(catalog, productId));

        // the order table's stream, the publisher, the order queue and the worker confirm it (ADR 0403)
        HttpResponse<String> shown = confirmed(orders, orderId);
        assertEquals("\"2\"", shown.headers().firstValue("ETag").orElse(null));

        HttpResponse<String> cancelled = call(ORDER_API, "/orders/{orderId}/cancel",
                HttpRequest.newBuilder(orders.resolve("v1/orders/" + orderId + "/cancel")).header("If-Match", "\"2\"")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", JSON.readTree(cancelled.body()).get("status").textValue());
        assertEquals(10, stock(catalog, productId));

        HttpResponse<String> again = call(ORDER_API, "/orders/{orderId}/cancel",
                HttpRequest.newBuilder(orders.resolve("v1/orders/" + orderId + "/cancel")).header("If-Match", "\"3\"")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(10, stock(catalog, productId));

        HttpResponse<String> listed = call(ORDER_API, "/orders",
                HttpRequest.newBuilder(orders.resolve("v1/orders?status=CANCELLED")).GET());
        assertEquals(orderId, JSON.readTree(listed.body()).get("items").get(0).get("id").textValue());
    }

    @Test
    void tooLittleStockIs409OverHttpAndWithoutATokenNothingHappens(LocalSystem system) throws Exception {
        URI catalog = system.baseUrl("catalog");
        URI orders = system.baseUrl("order");
        HttpResponse<String> product = call(catalogApi, "/products", json(catalog.resolve("v1/products"), "POST",
                "{\"sku\":\"E2E-RARE\",\"name\":\"Rare\",\"price\":{\"amount\":\"99.00\",\"currency\":\"EUR\"},\"stock\":1}"));
        String productId = JSON.readTree(product.body()).get("id").textValue();
        String body = "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":2}]}";

        HttpResponse<String> refused = call(ORDER_API, "/orders",
                json(orders.resolve("v1/orders"), "POST", body).header("Idempotency-Key", "e2e-too-many"));
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> anonymous = send(json(orders.resolve("v1/orders"), "POST", body)
                .header("Idempotency-Key", "e2e-anonymous").build());
        assertEquals(401, anonymous.statusCode());
        assertEquals(1, stock(catalog, productId));

        HttpResponse<String> health = send(HttpRequest.newBuilder(orders.resolve("v1/health")).GET().build());
        assertEquals(200, health.statusCode());
        assertEquals(Map.of("status", "ok"), JSON.convertValue(JSON.readTree(health.body()), Map.class));
    }

    /** The order once the asynchronous flow has confirmed it (waits up to 30 s: a bound, not a speed claim; the speed is scripts/bench-local's). */
    private static HttpResponse<String> confirmed(URI orders, String orderId) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> shown = call(ORDER_API, "/orders/{orderId}",
                    HttpRequest.newBuilder(orders.resolve("v1/orders/" + orderId)).GET());
            assertEquals(200, shown.statusCode(), shown.body());
            String status = JSON.readTree(shown.body()).get("status").textValue();
            if (status.equals("CONFIRMED") || System.nanoTime() > deadline) {
                assertEquals("CONFIRMED", status, "placed orders are confirmed by the order queue's worker");
                return shown;
            }
            Thread.sleep(50);
        }
    }

    private static long stock(URI catalog, String productId) throws Exception {
        HttpResponse<String> product = call(catalogApi, "/products/{productId}",
                HttpRequest.newBuilder(catalog.resolve("v1/products/" + productId)).GET());
        assertEquals(200, product.statusCode(), product.body());
        return JSON.readTree(product.body()).get("stock").longValue();
    }
}
