package io.atrium.shared.events;

import static io.atrium.shared.testing.BatchEvents.failedItems;
import static io.atrium.shared.testing.BatchEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every worker gets from BatchHandler: AWS's partial batch response, one failure never failing the rest. */
class BatchHandlerTest {

    /** Handles bodies "ok" and fails anything else; remembers what it handled. */
    private static final class Worker extends SqsWorker {
        final List<String> handled = new ArrayList<>();

        Worker() {
            super("test", "test");
        }

        @Override
        protected void handleAll(List<SqsEvent.Message> messages, Outcomes<SqsEvent.Message> outcomes) {
            outcomes.each(messages, message -> {
                handled.add(message.messageId());
                if (!"ok".equals(message.body())) {
                    throw new IllegalArgumentException("not ok");
                }
                return "done";
            });
        }
    }

    private static String message(String id, String body) {
        return "{\"messageId\":\"" + id + "\",\"body\":\"" + body + "\",\"attributes\":{\"ApproximateReceiveCount\":\"2\"},"
                + "\"eventSource\":\"aws:sqs\",\"somethingAwsAddsLater\":{\"x\":1}}";
    }

    @Test
    void onlyTheFailedItemsAreNamedAndEveryItemIsHandled() {
        Worker worker = new Worker();
        JsonNode response = invoke(worker, "{\"Records\":[" + message("a", "ok") + "," + message("b", "bad") + ","
                + message("c", "ok") + "," + message("d", "bad") + "]}");

        assertEquals(List.of("b", "d"), failedItems(response));
        assertEquals(List.of("a", "b", "c", "d"), worker.handled);
    }

    @Test
    void aBatchThatSucceedsAnswersAnEmptyList() {
        assertEquals("{\"batchItemFailures\":[]}", invoke(new Worker(), "{\"Records\":[" + message("a", "ok") + "]}").toString());
        assertEquals("{\"batchItemFailures\":[]}", invoke(new Worker(), "{\"Records\":[]}").toString());
    }

    @Test
    void aFailedItemWithoutAnIdentifierFailsTheInvocationRatherThanBeingLost() {
        assertThrows(IllegalStateException.class, () -> invoke(new Worker(), "{\"Records\":[{\"body\":\"bad\"}]}"));
    }

    @Test
    void anEventThatIsNotAwsShapeFailsTheInvocation() {
        assertThrows(RuntimeException.class, () -> invoke(new Worker(), "{\"Records\":{}}"));
        assertThrows(RuntimeException.class, () -> invoke(new Worker(), "not json"));
    }
}
