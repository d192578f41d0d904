package io.atrium.order.handler;

import static io.atrium.order.handler.OrderFixture.orderBody;
import static io.atrium.order.handler.OrderFixture.placing;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.BatchEvents.failedItems;
import static io.atrium.shared.testing.BatchEvents.invoke;
import static io.atrium.shared.testing.BatchEvents.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.events.SqsQueue;
import io.atrium.shared.testing.LocalSqs;
import io.atrium.shared.testing.TableStream;
import io.atrium.shared.testing.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * POST /orders -> OrderTable stream -> PublishPlacedOrdersHandler -> SQS (ElasticMQ) -> ConfirmOrderHandler:
 * real orders, their stream records read from DynamoDB Local's Streams API, real messages, and the stored
 * items checked after each step.
 */
class OrderQueueFlowTest {
    private static final LocalSqs SQS = LocalSqs.shared();
    private static OrderFixture api;
    private static TableStream stream;
    private static String queueUrl;
    private static PublishPlacedOrdersHandler publisher;
    private static ConfirmOrderHandler worker;

    @BeforeAll
    static void wire() {
        api = new OrderFixture("order-queue-flow");
        stream = TableStream.of(api.tables, "OrderTable");
        queueUrl = SQS.newQueue("order-queue");
        publisher = new PublishPlacedOrdersHandler(new SqsQueue(SQS.client(), queueUrl, "order"));
        worker = new ConfirmOrderHandler(api.service);
    }

    @AfterAll
    static void close() {
        stream.close();
    }

    @Test
    void placedOrdersAreQueuedOnceEachAndConfirmedIdempotentlyWhileACancelledOneIsDropped() {
        String product = api.product("t-flow", "2.50", "EUR", 100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(place("t-flow", "k-flow-" + i, orderBody(product, 1 + i)));
        }
        JsonNode published = invoke(publisher, TableStream.event(stream.next()));
        assertEquals(List.of(), failedItems(published));
        List<Message> messages = receiveAll();
        assertEquals(Set.of("{\"tenantId\":\"t-flow\",\"orderId\":\"" + ids.get(0) + "\"}",
                "{\"tenantId\":\"t-flow\",\"orderId\":\"" + ids.get(1) + "\"}",
                "{\"tenantId\":\"t-flow\",\"orderId\":\"" + ids.get(2) + "\"}"), bodies(messages));

        api.service.cancel("t-flow", ids.get(2), 1);
        String event = LocalSqs.event(queueUrl, messages);
        assertEquals(List.of(), failedItems(invoke(worker, event)));
        assertEquals("CONFIRMED", stored("t-flow", ids.get(0)).get("status").s());
        assertEquals("2", stored("t-flow", ids.get(0)).get("version").n());
        assertEquals("CONFIRMED", stored("t-flow", ids.get(1)).get("status").s());
        assertEquals("CANCELLED", stored("t-flow", ids.get(2)).get("status").s(), "a cancel that won the race stays");
        assertEquals(100 - 1 - 2, api.stock("t-flow", product), "the cancelled order's stock is back, once");

        // Redelivered (the worker's answer lost, the visibility timeout passed): nothing changes.
        assertEquals(List.of(), failedItems(invoke(worker, event)));
        assertEquals("2", stored("t-flow", ids.get(0)).get("version").n());
        assertEquals("CANCELLED", stored("t-flow", ids.get(2)).get("status").s());

        // The confirmations and the cancel are MODIFY records of the same stream: none is queued again.
        assertEquals(List.of(), failedItems(invoke(publisher, TableStream.event(stream.next()))));
        assertEquals(List.of(), SQS.receive(queueUrl));
    }

    @Test
    void aStreamRedeliveryQueuesAgainAndTheWorkerStillConfirmsOnce() {
        String product = api.product("t-again", "1.00", "EUR", 10);
        String id = place("t-again", "k-again", orderBody(product, 1));
        List<JsonNode> records = stream.next();
        invoke(publisher, TableStream.event(records));
        invoke(publisher, TableStream.event(records));
        List<Message> messages = receiveAll();
        assertEquals(2, messages.size());

        assertEquals(List.of(), failedItems(invoke(worker, LocalSqs.event(queueUrl, messages))));

        assertEquals("CONFIRMED", stored("t-again", id).get("status").s());
        assertEquals("2", stored("t-again", id).get("version").n());
    }

    @Test
    void aMissingOrderOrAnUnreadableMessageFailsAloneAndTheRestIsConfirmed() {
        String product = api.product("t-queue", "1.00", "EUR", 10);
        String id = place("t-queue", "k-queue", orderBody(product, 1));
        stream.next();

        JsonNode response = invoke(worker, recorded("order-queue.json").replace("ord_example", id));

        assertEquals(List.of("2e1424d4-f796-459a-8184-9c92662be6da", "7b3c9d10-1111-4e2a-9f3b-0c5d6e7f8a9b"), failedItems(response));
        assertEquals("CONFIRMED", stored("t-queue", id).get("status").s());
    }

    @Test
    void recordsWhoseMessagesSqsDoesNotTakeFailByTheirSequenceNumbers() {
        String product = api.product("t-down", "1.00", "EUR", 10);
        place("t-down", "k-down-1", orderBody(product, 1));
        place("t-down", "k-down-2", orderBody(product, 1));
        List<JsonNode> records = stream.next();
        PublishPlacedOrdersHandler unreachable = new PublishPlacedOrdersHandler(new SqsQueue(SQS.client(), queueUrl + "-missing", "order"));

        JsonNode response = invoke(unreachable, TableStream.event(records));

        List<String> sequenceNumbers = records.stream().filter(r -> r.get("eventName").asText().equals("INSERT"))
                .map(r -> r.get("dynamodb").get("SequenceNumber").asText()).toList();
        assertEquals(2, sequenceNumbers.size());
        assertEquals(sequenceNumbers, failedItems(response));
        assertEquals(List.of(), SQS.receive(queueUrl));
    }

    private static String place(String tenant, String key, String body) {
        ProxyResponseEvent response = api.place.respond(placing(tenant, key, body), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode order = json(response);
        assertEquals("PENDING", order.get("status").textValue());
        return order.get("id").textValue();
    }

    private static Map<String, AttributeValue> stored(String tenant, String orderId) {
        return api.dynamoDb.getItem(r -> r.tableName(api.orderTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant + "#ORDER#" + orderId)))).item();
    }

    /** Every message waiting in the queue (ElasticMQ hands out at most ten a call). */
    private static List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        for (List<Message> batch = SQS.receive(queueUrl); !batch.isEmpty(); batch = SQS.receive(queueUrl)) {
            all.addAll(batch);
        }
        assertTrue(all.size() <= 10, "one worker batch");
        return all;
    }

    private static Set<String> bodies(List<Message> messages) {
        Set<String> bodies = new TreeSet<>();
        messages.forEach(m -> bodies.add(m.body()));
        return bodies;
    }
}
