package io.atrium.shared.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded AWS events for event-driven functions (SQS, DynamoDB Streams, schedules) of a module's
 * {@code src/test/resources/events}, and invoking a stream handler with one the way Lambda's Java runtime
 * does (bytes in, bytes out).
 */
public final class BatchEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchEvents() {
    }

    /** The text of a recorded event. */
    public static String recorded(String name) {
        try (InputStream in = BatchEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("/events/" + name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes the handler with the event's bytes and returns its answer as JSON. */
    public static JsonNode invoke(RequestStreamHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item identifiers of a partial batch response ({@code batchItemFailures[].itemIdentifier}). */
    public static List<String> failedItems(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("batchItemFailures").forEach(failure -> ids.add(failure.get("itemIdentifier").asText()));
        return ids;
    }
}
