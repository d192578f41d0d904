package io.atrium.order.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import io.atrium.shared.api.Ids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The order flow over the local runtime, from the templates (ADR 0403): a placed order reaches the order queue
 * through the order table's stream and PublishPlacedOrdersFunction, and ConfirmOrderFunction confirms it. Messages
 * sent straight to the queue, as the publisher sends them: a batch with one message for an order that does not exist
 * confirms the real orders, and that one message alone comes back until it rests in the DLQ (maxReceiveCount 3). The order module's failsafe run cuts visibility timeouts to 3 s
 * ({@code atrium.local.sqs.maxVisibilityTimeoutSeconds}, ADR 0104), so that takes seconds, not minutes.
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "catalog/template.yaml", "order/template.yaml"})
class OrderQueueEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String token;
    private static String tenantId;

    @BeforeAll
    static void onboardATenant(LocalSystem system) {
        ApiClients clients = new ApiClients(system);
        ApiClients.TenantClient tenant = clients.onboard("Queue shop", "premium");
        tenantId = tenant.tenantId();
        token = clients.token(tenant);
    }

    @Test
    void aPlacedOrderIsConfirmedWithoutAnyoneSendingAMessage(LocalSystem system) throws Exception {
        String orderId = order(system, product(system, "Q-PLACED", 5), "q-placed");
        // a bound for a loaded machine, not a speed claim: scripts/bench-local measures the latency (p50/p99)
        waitFor(Duration.ofSeconds(30), () -> "CONFIRMED".equals(status(system, orderId)));
    }

    /**
     * Issue 11: an order's trace continues into the worker, across both hops (ADR 0012). The console's API, over HTTP,
     * shows the POST's trace holding the publisher's span under the PlaceOrder handler's, the worker's span under the
     * publisher's, and the worker's DynamoDB calls under its own; the poller's invocations are listed with their logs.
     */
    @Test
    void anOrdersTraceContinuesThroughTheStreamAndTheQueueIntoTheWorker(LocalSystem system) throws Exception {
        HttpResponse<String> placed = send(post(system.baseUrl("order").resolve("v1/orders"), "{\"items\":[{\"productId\":\""
                + product(system, "Q-TRACE", 5) + "\",\"quantity\":1}]}").header("Idempotency-Key", "q-trace"));
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = JSON.readTree(placed.body()).get("id").textValue();
        String requestId = placed.headers().firstValue("x-amzn-RequestId").orElseThrow();
        // bounds for a loaded machine on which three functions start cold, not speed claims
        waitFor(Duration.ofSeconds(30), () -> "CONFIRMED".equals(status(system, orderId)));

        String console = JSON.readTree(system.runtime().endpointsJson()).get("consoleUrl").textValue();
        JsonNode request = listed(console + "api/requests?stack=order&limit=2000", r -> requestId.equals(r.path("requestId").asText()));
        assertEquals("api", request.get("source").asText());
        List<JsonNode> spans = new ArrayList<>();
        waitFor(Duration.ofSeconds(10), () -> {
            spans.clear();
            getJson(console + "api/traces/" + request.get("traceId").asText()).path("spans").forEach(spans::add);
            JsonNode worker = named(spans, "confirmOrder", null);
            return worker != null && spans.stream().anyMatch(s -> s.path("name").asText().startsWith("DynamoDB.")
                    && worker.get("id").asText().equals(s.path("parentId").asText()));
        });
        JsonNode lambda = named(spans, "Lambda PlaceOrderFunction", null);
        JsonNode handler = named(spans, "placeOrder", lambda.get("id").asText());
        JsonNode publisher = named(spans, "publishPlacedOrders", handler.get("id").asText());
        assertTrue(publisher != null, "the publisher's span under the PlaceOrder handler's: " + spans);
        assertTrue(named(spans, "confirmOrder", publisher.get("id").asText()) != null,
                "the worker's span under the publisher's: " + spans);

        for (String source : List.of("stream:shared/OrderTable", "sqs:order/OrderQueue")) {
            JsonNode invocation = listed(console + "api/requests?stack=order&limit=2000",
                    r -> source.equals(r.path("source").asText()) && r.path("status").asInt() == 200);
            assertEquals("INVOKE", invocation.get("method").asText(), invocation.toString());
            waitFor(Duration.ofSeconds(10), () -> getJson(console + "api/requests/"
                    + invocation.get("requestId").asText() + "/logs").path("lines").size() > 0);
        }
    }

    /** The first span named {@code name} (under {@code parentId}, when not null), or null. */
    private static JsonNode named(List<JsonNode> spans, String name, String parentId) {
        return spans.stream().filter(s -> name.equals(s.path("name").asText())
                && (parentId == null || parentId.equals(s.path("parentId").asText()))).findFirst().orElse(null);
    }

    /** The first item of the console's request list {@code url} that {@code wanted} accepts, once it is listed. */
    private static JsonNode listed(String url, Predicate<JsonNode> wanted) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        List<JsonNode> seen = new ArrayList<>();
        try {
            waitFor(Duration.ofSeconds(10), () -> {
                seen.clear();
                getJson(url).path("items").forEach(seen::add);
                seen.stream().filter(wanted).findFirst().ifPresent(found::add);
                return !found.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError("not listed in " + url + ": " + seen.stream().map(r -> r.path("source") + " "
                    + r.path("method").asText() + " " + r.path("path").asText() + " " + r.path("status")).distinct().toList(), e);
        }
        return found.get(0);
    }

    private static JsonNode getJson(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMessageTheWorkerFailsIsRetriedAloneThenRestsInTheDlq(LocalSystem system) throws Exception {
        String productId = product(system, "Q-MUG", 10);
        List<String> orders = List.of(order(system, productId, "q-1"), order(system, productId, "q-2"),
                order(system, productId, "q-3"));
        String missing = Ids.newId("ord");
        List<String> bodies = new ArrayList<>();
        orders.forEach(id -> bodies.add(placed(id)));
        bodies.add(1, placed(missing));
        SqsClient sqs = system.runtime().registry().sqs().client();
        String queue = queueUrl(system, "order/OrderQueue");
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        bodies.forEach(b -> entries.add(SendMessageBatchRequestEntry.builder().id("m" + entries.size()).messageBody(b).build()));
        sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(entries));

        waitFor(Duration.ofSeconds(30), () -> orders.stream().allMatch(id -> "CONFIRMED".equals(status(system, id))));
        String dlq = queueUrl(system, "order/OrderDeadLetterQueue");
        List<Message> dead = new ArrayList<>();
        waitFor(Duration.ofSeconds(30), () -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)).messages());
            return !dead.isEmpty();
        });
        assertEquals(List.of(placed(missing)), dead.stream().map(Message::body).toList());
        Map<QueueAttributeName, String> left = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), left.toString());
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE), left.toString());
    }

    private String placed(String orderId) {
        return "{\"tenantId\":\"" + tenantId + "\",\"orderId\":\"" + orderId + "\"}";
    }

    private static String queueUrl(LocalSystem system, String key) {
        String url = system.runtime().registry().sqs().queues().get(key);
        assertTrue(url != null, key + " in " + system.runtime().registry().sqs().queues());
        return url;
    }

    static String product(LocalSystem system, String sku, int stock) throws Exception {
        HttpResponse<String> r = send(post(system.baseUrl("catalog").resolve("v1/products"), "{\"sku\":\"" + sku
                + "\",\"name\":\"Mug\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"stock\":" + stock + "}"));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").textValue();
    }

    static String order(LocalSystem system, String productId, String idempotencyKey) throws Exception {
        HttpResponse<String> r = send(post(system.baseUrl("order").resolve("v1/orders"),
                "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}").header("Idempotency-Key", idempotencyKey));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").textValue();
    }

    static String status(LocalSystem system, String orderId) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(system.baseUrl("order").resolve("v1/orders/" + orderId)).GET());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).get("status").textValue() : "HTTP " + r.statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void waitFor(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + max);
            }
            Thread.sleep(100);
        }
    }
}
