package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source over the fixture stack {@code events} (src/test/resources/runtime/events): a queue with a
 * DLQ at maxReceiveCount 3 and a worker reporting batch item failures; visibility timeouts cut to 2 s.
 */
@EndToEnd
class QueueEventSourceTest {

    @RegisterExtension
    static final LocalSystemExtension SYSTEM = EventsRoot.extension();

    private final LocalSystem system;
    private final SqsClient sqs;

    QueueEventSourceTest(LocalSystem system) {
        this.system = system;
        this.sqs = system.runtime().registry().sqs().client();
    }

    private String queue(String logicalId) {
        return system.runtime().registry().sqs().queues().get("events/" + logicalId);
    }

    @Test
    void aFailedItemIsRetriedAloneThenRestsInTheDlqAfterThreeReceives() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies.add("ok-" + run + "-" + i);
        }
        bodies.add(2, "fail:" + run);
        send(bodies);
        String dlq = queue("WorkDeadLetterQueue");
        List<Message> dead = new ArrayList<>();
        waitFor(Duration.ofSeconds(20), () -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)).messages());
            return !dead.isEmpty();
        });
        assertEquals(List.of("fail:" + run), dead.stream().map(Message::body).toList());
        assertEquals(3, count("ATTEMPT#fail:" + run), "received 3 times before the DLQ");
        for (String ok : bodies.stream().filter(b -> b.startsWith("ok-")).toList()) {
            assertEquals(1, count("MSG#" + ok), ok + " handled once: only the failed item came back");
        }
    }

    @Test
    void aWorkerThatThrowsMidBatchLosesNoMessage() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> bodies = List.of("a-" + run, "b-" + run, "throw-once:c-" + run, "d-" + run);
        send(bodies);
        waitFor(Duration.ofSeconds(20), () -> bodies.stream().allMatch(b -> count("MSG#" + b) >= 1));
        waitFor(Duration.ofSeconds(10), () -> visible(queue("WorkQueue")) == 0);
        assertEquals(0, visible(queue("WorkDeadLetterQueue")), "nothing in the DLQ");
    }

    @Test
    void queuesAreCreatedAsDeclaredAndListedInEndpointsJson() throws Exception {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queue("WorkQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("2", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT), "cut to the test's maximum");
        assertTrue(attributes.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":3"),
                attributes.toString());
        JsonNode endpoints = new ObjectMapper().readTree(system.runtime().endpointsJson());
        String sqsEndpoint = endpoints.get("sqsEndpoint").asText();
        assertEquals(sqsEndpoint + "/123456789012/fx-events-WorkQueue", endpoints.get("queues").get("events/WorkQueue").asText());
        assertTrue(endpoints.get("queues").has("events/WorkDeadLetterQueue"), endpoints.toString());
        assertEquals("fx-events-WorkQueue", system.runtime().stacks().stream()
                .filter(s -> s.definition().name().equals("events")).findFirst().orElseThrow()
                .resolver().outputs().get("WorkQueueName"));
    }

    private void send(List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (String b : bodies) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size())).messageBody(b).build());
        }
        sqs.sendMessageBatch(r -> r.queueUrl(queue("WorkQueue")).entries(entries));
    }

    private int visible(String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private int count(String key) {
        Map<String, AttributeValue> item = system.dynamoDb().getItem(r -> r.tableName(system.tableName("ItemTable"))
                .key(Map.of("pk", AttributeValue.fromS(key))).consistentRead(true)).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }

    static void waitFor(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + max);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
