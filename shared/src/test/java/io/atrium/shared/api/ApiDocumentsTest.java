package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.ProjectLayout;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stacks' OpenAPI documents speak alike (ADR 0505): one OpenAPI and version style, one security scheme (OAuth2
 * client credentials), and 401/403 answers described as API Gateway really sends them besides the functions' problem
 * details.
 */
class ApiDocumentsTest {

    private static final String GATEWAY_MESSAGE = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"message\"],\"properties\":{\"message\":{\"type\":\"string\"}}}";

    @Test
    void everyStackDocumentHasOneVersionStyleOneSchemeAndTheGatewaysOwnAnswers() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> documents = documents();
        for (Path file : documents) {
            JsonNode doc = Json.MAPPER.readTree(file.toFile());
            String name = ProjectLayout.root().relativize(file).toString();
            expect(problems, name + " openapi", "3.0.3", doc.path("openapi").asText());
            expect(problems, name + " info.version", "1.0.0", doc.at("/info/version").asText());
            JsonNode schemes = doc.at("/components/securitySchemes");
            expect(problems, name + " security schemes", "[oauth2]", names(schemes).toString());
            expect(problems, name + " oauth2 flow", "clientCredentials", names(schemes.at("/oauth2/flows")).toString()
                    .replaceAll("[\\[\\]]", ""));
            JsonNode gateway = doc.at("/components/schemas/GatewayMessage").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) gateway).remove("description");
            expect(problems, name + " GatewayMessage", GATEWAY_MESSAGE, Json.MAPPER.writeValueAsString(gateway));
            operations(doc).forEach((op, responses) -> {
                checkAnswer(problems, name + " " + op + " 401", doc, responses.get("401"), "Unauthorized");
                checkAnswer(problems, name + " " + op + " 403", doc, responses.get("403"), null);
            });
        }
        assertEquals(6, documents.size(), "authz and the five business stacks: " + documents);
        assertEquals(List.of(), problems);
    }

    @Test
    void answersCarryTheStacksOriginAndExposeTheirHeadersOnlyWhenOneIsAllowed() {
        ApiResponse answer = new ApiResponse(200, Map.of("ETag", "\"1\""), "{}");

        ApiResponse withOrigin = ApiHandler.withCors(answer, "https://app.example.com");
        assertEquals("https://app.example.com", withOrigin.headers().get("Access-Control-Allow-Origin"));
        assertTrue(withOrigin.headers().get("Access-Control-Expose-Headers").contains("ETag"));
        assertNull(ApiHandler.withCors(answer, null).headers().get("Access-Control-Allow-Origin"));
        assertNull(ApiHandler.withCors(answer, "").headers().get("Access-Control-Allow-Origin"));
    }

    /** A 401/403 answer: API Gateway's own JSON (with the message it sends) and the function's problem details. */
    private static void checkAnswer(List<String> problems, String where, JsonNode doc, JsonNode response,
                                    String gatewayMessage) {
        if (response == null) {
            return;
        }
        JsonNode r = deref(doc, response);
        expect(problems, where + " gateway schema", "#/components/schemas/GatewayMessage",
                r.at("/content/application~1json/schema/$ref").asText());
        expect(problems, where + " problem schema", "#/components/schemas/Problem",
                r.at("/content/application~1problem+json/schema/$ref").asText());
        if (gatewayMessage != null) {
            expect(problems, where + " example", gatewayMessage, r.at("/content/application~1json/example/message").asText());
        }
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("responses")) {
                out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().get("responses"));
            }
        }));
        return out;
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void expect(List<String> problems, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": " + actual + " (expected " + expected + ")");
        }
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> modules = Files.list(ProjectLayout.root())) {
            return modules.map(m -> m.resolve("src/main/resources/openapi.json")).filter(Files::isRegularFile).sorted()
                    .toList();
        }
    }
}
