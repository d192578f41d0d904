package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The console's JSON API over a real request through every stack: the request is listed (filterable by tenant, stack,
 * status), its trace runs gateway -> authorizer -> usage plan -> Lambda -> handler -> each DynamoDB call (the spans the
 * function sent to the runtime's X-Ray daemon), and its log lines carry the trace id.
 */
@LocalSystemTest
class ConsoleEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRequestIsListedWithItsLogsAndATraceFromTheGatewayToEachDynamoDbCall(LocalSystem system) throws Exception {
        ApiClients clients = new ApiClients(system);
        ApiClients.TenantClient tenant = clients.onboard("Console Test GmbH", "standard");
        String token = clients.token(tenant);
        JsonNode created = call("POST", system.baseUrl("partner") + "/partners", token,
                "{\"name\":\"Traced AG\",\"email\":\"ops@traced.example\",\"country\":\"DE\"}", 201);
        String partnerPath = "/v1/partners/" + created.get("id").textValue();
        call("GET", system.baseUrl("partner") + "/partners/" + created.get("id").textValue(), token, null, 200);

        String console = JSON.readTree(system.runtime().endpointsJson()).get("consoleUrl").textValue();
        JsonNode items = call("GET", console + "api/requests?stack=partner&status=2xx&tenantId="
                + URLEncoder.encode(tenant.tenantId(), StandardCharsets.UTF_8), null, null, 200).get("items");
        assertEquals(2, items.size(), items.toString());
        JsonNode get = items.get(0);
        assertEquals("GET", get.get("method").textValue());
        assertEquals(partnerPath, get.get("path").textValue());
        assertEquals(200, get.get("status").intValue());
        assertEquals(tenant.tenantId(), get.get("tenantId").textValue());
        assertEquals(0, call("GET", console + "api/requests?stack=partner&status=5xx&tenantId="
                + URLEncoder.encode(tenant.tenantId(), StandardCharsets.UTF_8), null, null, 200).get("items").size());

        String traceId = get.get("traceId").textValue();
        List<JsonNode> spans = spansOnceTheFunctionsArrived(console, traceId, "DynamoDB.GetItem");
        Map<String, JsonNode> byName = new HashMap<>();
        spans.forEach(s -> byName.putIfAbsent(s.get("name").textValue(), s));
        JsonNode root = spans.stream().filter(s -> s.get("parentId").isNull()).findFirst().orElseThrow();
        JsonNode authorizer = byName.get("Authorizer");
        assertNotNull(authorizer, spans.toString());
        assertEquals(root.get("id"), authorizer.get("parentId"));
        assertEquals("hit", authorizer.at("/annotations/cache").textValue(), "the POST put the token in the cache");
        JsonNode handler = byName.get("getPartner");
        assertEquals(tenant.tenantId(), handler.at("/annotations/tenant_id").textValue());
        assertEquals("GET /partners/{partnerId}", handler.at("/annotations/endpoint").textValue());
        assertEquals(get.get("requestId").textValue(), handler.at("/annotations/request_id").textValue());
        JsonNode dynamo = byName.get("DynamoDB.GetItem");
        assertEquals(handler.get("id"), dynamo.get("parentId"));
        assertTrue(dynamo.at("/annotations/table_name").textValue().endsWith("PartnerTable"), dynamo.toString());
        JsonNode lambda = spans.stream().filter(s -> s.get("id").equals(handler.get("parentId"))).findFirst().orElseThrow();
        assertTrue(lambda.get("name").textValue().startsWith("Lambda "), lambda.toString());
        assertEquals(root.get("id"), lambda.get("parentId"));

        JsonNode lines = call("GET", console + "api/requests/" + get.get("requestId").textValue() + "/logs", null, null, 200).get("lines");
        assertTrue(StreamSupport.stream(lines.spliterator(), false).anyMatch(l -> l.textValue().contains("\"traceId\":\"" + traceId + "\"")
                && l.textValue().contains("\"statusCode\":200")), lines.toString());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(console + "api/traces/1-00000000-000000000000000000000000")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** The function's spans reach the runtime's daemon over UDP just after the answer: waits up to 5 s for them. */
    private static List<JsonNode> spansOnceTheFunctionsArrived(String console, String traceId, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode trace = call("GET", console + "api/traces/" + traceId, null, null, 200);
            List<JsonNode> spans = StreamSupport.stream(trace.get("spans").spliterator(), false).toList();
            if (spans.stream().anyMatch(s -> name.equals(s.get("name").textValue())) || System.nanoTime() > deadline) {
                return spans;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theSchedulesAreListedWithTheUrlThatRunsThemWhichOnlyTheConsoleMayRead(LocalSystem system) throws Exception {
        JsonNode endpoints = JSON.readTree(system.runtime().endpointsJson());
        String console = endpoints.get("consoleUrl").textValue();
        String name = "contract/QueueDueContractsFunctionDailyExpiry";
        JsonNode schedule = StreamSupport.stream(call("GET", console + "api/schedules", null, null, 200).get("items").spliterator(), false)
                .filter(s -> name.equals(s.get("name").textValue())).findFirst().orElseThrow();
        assertEquals(endpoints.get("schedules").get(name).textValue(), schedule.get("url").textValue());
        assertTrue(schedule.get("function").textValue().contains("QueueDueContracts"), schedule.toString());
        String origin = console.substring(0, console.length() - 1);
        for (String from : List.of(origin, "http://evil.example")) {
            HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create(schedule.get("url").textValue()))
                    .header("Origin", from).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, run.statusCode(), run.body());
            assertEquals(from.equals(origin) ? List.of(origin) : List.of(), run.headers().allValues("Access-Control-Allow-Origin"));
        }
    }

    private static JsonNode call(String method, String url, String token, String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
