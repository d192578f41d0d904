package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a browser and Swagger UI meet on every stack through the local runtime (ADR 0505): the served OpenAPI names
 * the absolute token endpoint and the API's own base URL; preflights, the functions' answers and the answers API
 * Gateway makes itself (a 401 without a token) carry the stack's allowed origin ({@code AllowedOrigins}, {@code *}
 * in dev).
 */
@LocalSystemTest
class ApiDocumentsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ORIGIN = "https://app.example.com";
    /** One protected route per stack. */
    private static final Map<String, String> PROTECTED = Map.of("authz", "/me", "catalog", "/products",
            "contract", "/contracts", "order", "/orders", "partner", "/partners", "transaction", "/transactions");

    @Test
    void everyStackServesItsDocumentWithAbsoluteUrls(LocalSystem system) throws Exception {
        String tokenUrl = JSON.readTree(system.runtime().endpointsJson()).get("tokenUrl").asText();
        for (String stack : PROTECTED.keySet()) {
            String base = system.baseUrl(stack).toString().replaceAll("/$", "");
            HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/openapi.json")).GET());
            assertEquals(200, res.statusCode(), stack);
            JsonNode doc = JSON.readTree(res.body());
            assertEquals(tokenUrl, doc.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asText(),
                    stack);
            assertEquals(base, doc.at("/servers/0/url").asText(), stack);
        }
    }

    @Test
    void everyStackAnswersBrowsersForItsAllowedOrigin(LocalSystem system) throws Exception {
        for (Map.Entry<String, String> route : PROTECTED.entrySet()) {
            String stack = route.getKey();
            URI url = URI.create(system.baseUrl(stack).toString().replaceAll("/$", "") + route.getValue());

            HttpResponse<String> preflight = send(HttpRequest.newBuilder(url).header("Origin", ORIGIN)
                    .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, preflight.statusCode(), stack + " preflight");
            assertEquals("*", origin(preflight), stack + " preflight");

            HttpResponse<String> noToken = send(HttpRequest.newBuilder(url).header("Origin", ORIGIN).GET());
            assertEquals(401, noToken.statusCode(), stack);
            assertEquals("{\"message\":\"Unauthorized\"}", noToken.body(), stack);
            assertEquals("*", origin(noToken), stack + " gateway answer");

            URI health = URI.create(system.baseUrl(stack).toString().replaceAll("/$", "") + "/health");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(health).header("Origin", ORIGIN).GET());
            assertEquals(200, answer.statusCode(), stack);
            assertEquals("*", origin(answer), stack + " function answer");
        }
    }

    private static String origin(HttpResponse<String> res) {
        return res.headers().firstValue("Access-Control-Allow-Origin").orElse("(none)");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
