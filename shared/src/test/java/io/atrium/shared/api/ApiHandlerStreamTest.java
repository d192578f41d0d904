package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambda's bytes in and out of an API function, read and written by the layer's Jackson (no event library). */
class ApiHandlerStreamTest {

    /** An event as API Gateway sends it, with fields no function reads (they are ignored, not refused). */
    private static final String EVENT = """
            {"resource": "/health", "path": "/v1/health", "httpMethod": "GET",
             "headers": {"Accept": "application/json"}, "multiValueHeaders": {"Accept": ["application/json"]},
             "queryStringParameters": null, "pathParameters": null, "stageVariables": null,
             "requestContext": {"requestId": "req-stream-1", "stage": "v1", "identity": {"sourceIp": "10.0.0.1"},
                                "authorizer": null, "requestTimeEpoch": 1767225600000},
             "body": null, "isBase64Encoded": false, "someFieldAwsAddsLater": {"x": 1}}
            """;

    @Test
    void answersTheProxyResponseShapeWithItsFourFields() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HealthHandler().handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode answer = Json.MAPPER.readTree(out.toByteArray());
        List<String> fields = new ArrayList<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("statusCode", "headers", "body", "isBase64Encoded"), fields);
        assertEquals(200, answer.get("statusCode").intValue());
        assertEquals("req-stream-1", answer.get("headers").get("X-Request-Id").textValue());
        assertEquals("{\"status\":\"ok\"}", answer.get("body").textValue());
        assertEquals(false, answer.get("isBase64Encoded").booleanValue());
    }
}
