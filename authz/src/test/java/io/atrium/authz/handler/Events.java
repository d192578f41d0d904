package io.atrium.authz.handler;

import com.fasterxml.jackson.core.type.TypeReference;
import io.atrium.shared.testing.ApiEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recorded non-API events under src/test/resources/events (the token authorizer's and Cognito's), as the
 * plain maps those functions take; API Gateway proxy events come from {@link ApiEvents}.
 */
final class Events {
    private Events() {
    }

    static Map<String, Object> plain(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return ApiEvents.JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
