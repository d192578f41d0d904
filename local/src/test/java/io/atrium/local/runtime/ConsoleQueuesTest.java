package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.LocalRuntime;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The console's queues over the fixture stack {@code events}: depths, the DLQ link, a redrive back to the source. */
@EndToEnd
class ConsoleQueuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final LocalSystemExtension SYSTEM = LocalSystemExtension.of("events-root",
            () -> new LocalRuntime.Options().root(FixtureRoot.build("events-root", List.of("shared", "events")))
                    .maxVisibilityTimeout(Duration.ofSeconds(2)));

    @Test
    void aDlqIsListedWithItsDepthAndItsRedriveMovesTheMessagesBackToItsQueue(LocalSystem system) throws Exception {
        SqsClient sqs = system.runtime().registry().sqs().client();
        String dlq = system.runtime().registry().sqs().queues().get("events/WorkDeadLetterQueue");
        String console = JSON.readTree(system.runtime().endpointsJson()).get("consoleUrl").textValue();
        // the runtime is shared with QueueEventSourceTest, whose failing message may already rest in the DLQ
        int before = find(get(console + "api/queues").get("items"), "events/WorkDeadLetterQueue").get("visible").intValue();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            String body = "redriven-" + run + "-" + i;
            sqs.sendMessage(r -> r.queueUrl(dlq).messageBody(body));
        }

        JsonNode queues = get(console + "api/queues").get("items");
        assertEquals("events/WorkDeadLetterQueue", find(queues, "events/WorkQueue").get("deadLetterQueue").textValue());
        assertEquals(before + 2, find(queues, "events/WorkDeadLetterQueue").get("visible").intValue());

        HttpResponse<String> redriven = HTTP.send(HttpRequest.newBuilder(URI.create(console + "api/queues/"
                + URLEncoder.encode("events/WorkDeadLetterQueue", StandardCharsets.UTF_8) + "/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, redriven.statusCode(), redriven.body());
        assertEquals(before + 2, JSON.readTree(redriven.body()).get("moved").intValue());
        assertEquals("events/WorkQueue", JSON.readTree(redriven.body()).get("to").textValue());
        assertEquals(0, find(get(console + "api/queues").get("items"), "events/WorkDeadLetterQueue").get("visible").intValue());
        HttpResponse<String> notADlq = HTTP.send(HttpRequest.newBuilder(URI.create(console + "api/queues/"
                + URLEncoder.encode("events/WorkQueue", StandardCharsets.UTF_8) + "/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notADlq.statusCode(), notADlq.body());
    }

    private static JsonNode find(JsonNode items, String name) {
        return StreamSupport.stream(items.spliterator(), false).filter(q -> name.equals(q.get("name").textValue()))
                .findFirst().orElseThrow(() -> new AssertionError("no queue " + name + " in " + items));
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
