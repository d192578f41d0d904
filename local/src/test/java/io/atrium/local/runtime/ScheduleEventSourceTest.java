package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Schedules of the fixture stack {@code events}: a function's {@code Schedule} and {@code ScheduleV2} events and an
 * {@code AWS::Scheduler::Schedule}, fired now through the schedules URLs of endpoints.json.
 */
@EndToEnd
class ScheduleEventSourceTest {

    @RegisterExtension
    static final LocalSystemExtension SYSTEM = EventsRoot.extension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSystem system;
    private final JsonNode schedules;

    ScheduleEventSourceTest(LocalSystem system) throws Exception {
        this.system = system;
        this.schedules = JSON.readTree(system.runtime().endpointsJson()).get("schedules");
    }

    private HttpResponse<String> fire(String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(schedules.get(key).asText()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyScheduleIsListedUnderItsLogicalId() {
        assertTrue(schedules.has("events/TickFunctionEveryMinute"), schedules.toString());
        assertTrue(schedules.has("events/TickFunctionNightly"), schedules.toString());
        assertTrue(schedules.has("events/TickSchedule"), schedules.toString());
    }

    @Test
    void aPostFiresTheScheduleNowWithItsOwnInputOrTheBody() throws Exception {
        String key = "run-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> own = fire("events/TickFunctionNightly", "");
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("TICK#nightly", JSON.readTree(own.body()).get("output").get("counted").asText());
        HttpResponse<String> replaced = fire("events/TickFunctionNightly", "{\"key\":\"" + key + "\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(1, count("TICK#" + key));
    }

    @Test
    void withoutAnInputTheTargetGetsTheScheduledEventNotification() throws Exception {
        HttpResponse<String> r = fire("events/TickSchedule", "");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode input = JSON.readTree(r.body()).get("input");
        assertEquals("Scheduled Event", input.get("detail-type").asText());
        assertEquals("aws.scheduler", input.get("source").asText());
        assertEquals("TICK#scheduled-event", JSON.readTree(r.body()).get("output").get("counted").asText());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAndAnUnknownScheduleIsNotFound() throws Exception {
        assertEquals(400, fire("events/TickFunctionNightly", "{not json").statusCode());
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(schedules.get("events/TickSchedule")
                .asText() + "Nope")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    private int count(String key) {
        Map<String, AttributeValue> item = system.dynamoDb().getItem(r -> r.tableName(system.tableName("ItemTable"))
                .key(Map.of("pk", AttributeValue.fromS(key))).consistentRead(true)).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }
}
