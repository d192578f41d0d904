package io.atrium.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Arrays;

/**
 * The time a client of the running local system waits for its order to be confirmed (ADR 0403): from
 * {@code POST /orders} answering 201 (PENDING) to {@code GET /orders/{id}} answering CONFIRMED, through the order
 * table's stream, the publisher, the order queue on ElasticMQ and the ConfirmOrder worker. One tenant, one product
 * with enough stock, one order at a time; the order is polled every 2 ms.
 */
record OrderLag(URI orders, String token, String productId) {

    /** A premium tenant with one product in stock for every order the benchmark places. */
    static OrderLag prepare(String tokenUrl, String adminToken, URI authz, URI catalog, URI orders) throws Exception {
        JsonNode tenant = LocalBench.post(URI.create(authz + "/tenants"), adminToken,
                "{\"name\":\"Bench orders\",\"tier\":\"premium\"}", 201);
        String token = LocalBench.token(tokenUrl, tenant.get("clientId").asText(), tenant.get("clientSecret").asText(), null);
        String productId = LocalBench.post(URI.create(catalog + "/products"), token, "{\"sku\":\"BENCH-MUG\",\"name\":\"Mug\","
                + "\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"stock\":100000}", 201).get("id").asText();
        return new OrderLag(orders, token, productId);
    }

    /** Sorted times in nanoseconds from 201 to CONFIRMED of {@code samples} orders, each waited for before the next. */
    long[] measure(int samples) throws Exception {
        long[] lags = new long[samples];
        for (int i = 0; i < samples; i++) {
            String orderId = LocalBench.post(URI.create(orders + "/orders"), token,
                    "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}", 201).get("id").asText();
            long placed = System.nanoTime();
            URI order = URI.create(orders + "/orders/" + orderId);
            while (!"CONFIRMED".equals(status(order))) {
                if (System.nanoTime() - placed > 30_000_000_000L) {
                    throw new IllegalStateException("order " + orderId + " was not confirmed within 30 s");
                }
                Thread.sleep(2);
            }
            lags[i] = System.nanoTime() - placed;
        }
        Arrays.sort(lags);
        return lags;
    }

    private String status(URI order) throws Exception {
        return LocalBench.get(order, token).get("status").asText();
    }
}
