package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.json.Json;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void validationProblemNamesTheFields() throws Exception {
        ApiResponse response = Problems.toResponse(ValidationException.of("email", "must be an email address"), "req-1");
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.headers().get("Content-Type"));
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(400, body.get("status").intValue());
        assertEquals("req-1", body.get("requestId").textValue());
        assertEquals("email", body.get("errors").get(0).get("field").textValue());
    }

    @Test
    void unexpectedErrorsLeakNothing() throws Exception {
        ApiResponse response = Problems.toResponse(new IllegalStateException("secret table name tbl-123 at Foo.java"), "req-2");
        assertEquals(500, response.status());
        assertFalse(response.body().contains("tbl-123"));
        assertFalse(response.body().contains("IllegalStateException"));
        assertEquals("urn:atrium:problem:internal", Json.MAPPER.readTree(response.body()).get("type").textValue());
    }

    @Test
    void unavailableCarriesRetryAfter() {
        ApiResponse response = Problems.toResponse(new UnavailableException("busy", 2, null), "req-3");
        assertEquals(503, response.status());
        assertEquals("2", response.headers().get("Retry-After"));
    }
}
