package io.atrium.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every answer to any input must be (API.md): a 2xx, or a 4xx problem document whose 400 names each bad
 * field; never a 5xx; and nothing that leaks the inside (a class name, a stack frame, an exception's text) in
 * the parts the server writes (type, title, detail, messages, headers). Field names may echo the client's own.
 */
public final class Answers {
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.fasterxml|software\\.amazon|io\\.atrium|org\\.junit)\\.[a-z]"
                    + "|[a-z][A-Za-z]*(Exception|Error)\\b|\\bat [a-z][\\w$.]+\\(|Caused by|(?i:stack ?trace)|\\.java:\\d");

    private Answers() {
    }

    /** The answer is a 2xx or a well-formed 4xx problem that leaks nothing; returns its status. */
    public static int assertWellBehaved(ProxyResponseEvent response) {
        int status = response.getStatusCode();
        String body = response.getBody();
        assertTrue(status >= 200 && status < 500 && (status < 300 || status >= 400), "not 2xx or 4xx: " + status + " " + body);
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        headers.forEach((name, value) -> assertNoLeak(name + ": " + value));
        if (status >= 400) {
            assertProblem(status, headers.get("Content-Type"), body);
        }
        return status;
    }

    private static void assertProblem(int status, String contentType, String body) {
        assertEquals("application/problem+json", contentType, body);
        JsonNode problem = ApiEvents.json(new ProxyResponseEvent(0, java.util.Map.of(), body, false));
        assertEquals(status, problem.path("status").intValue(), body);
        for (String member : List.of("type", "title", "detail", "requestId")) {
            assertTrue(problem.path(member).isTextual() && !problem.path(member).textValue().isBlank(), member + " missing: " + body);
        }
        String detail = problem.get("detail").textValue();
        for (JsonNode error : problem.path("errors")) {
            detail = detail.replace(error.path("field").asText(""), "");    // a field name may be the client's own text
        }
        List<String> written = new ArrayList<>(List.of(problem.get("type").textValue(), problem.get("title").textValue(), detail));
        JsonNode errors = problem.path("errors");
        assertTrue(errors.isArray(), body);
        if (status == 400) {
            assertFalse(errors.isEmpty(), "a 400 names the bad fields: " + body);
        }
        for (JsonNode error : errors) {
            assertNotNull(error.get("field"), body);
            assertFalse(error.get("field").asText("").isEmpty(), "an error names its field: " + body);
            assertTrue(error.path("message").isTextual() && !error.get("message").textValue().isBlank(), body);
            written.add(error.get("message").textValue());
        }
        written.forEach(Answers::assertNoLeak);
    }

    private static void assertNoLeak(String text) {
        assertFalse(LEAK.matcher(text).find(), "leaks the inside: " + text);
    }
}
