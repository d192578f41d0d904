package io.atrium.contract.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract expiry flow over the local runtime, from the template: the daily ScheduleV2 event fired now through
 * its schedules URL (endpoints.json) -> QueueDueContractsFunction -> ExpiryQueue -> ExpireContractFunction.
 * The runtime runs the packaged stacks: this module's test dependencies on authz and partner make {@code mvn verify}
 * package them first.
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "partner/template.yaml", "contract/template.yaml"})
class ContractExpiryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SCHEDULE = "contract/QueueDueContractsFunctionDailyExpiry";

    @Test
    void anActiveContractPastItsEndDateIsExpiredWhenTheScheduleIsFired(LocalSystem system) throws Exception {
        ApiClients clients = new ApiClients(system);
        String token = clients.token(clients.onboard("Expiry Corp", "premium"));
        String partnerId = created(send(post(system.baseUrl("partner"), "/partners", token,
                "{\"name\":\"Acme\",\"email\":\"billing@acme.example\",\"country\":\"DE\"}")));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String ended = created(send(post(system.baseUrl("contract"), "/contracts", token, "{\"partnerId\":\"" + partnerId
                + "\",\"title\":\"Ended\",\"startDate\":\"2026-01-01\",\"endDate\":\"" + today + "\","
                + "\"value\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}")));
        String running = created(send(post(system.baseUrl("contract"), "/contracts", token, "{\"partnerId\":\"" + partnerId
                + "\",\"title\":\"Running\",\"startDate\":\"2026-01-01\",\"endDate\":\"2099-12-31\","
                + "\"value\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}")));
        activate(system, token, ended);
        activate(system, token, running);
        endedYesterday(system, ended);

        JsonNode schedules = JSON.readTree(system.runtime().endpointsJson()).get("schedules");
        HttpResponse<String> fired = HTTP.send(HttpRequest.newBuilder(URI.create(schedules.get(SCHEDULE).asText()))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fired.statusCode(), fired.body());
        JsonNode output = JSON.readTree(fired.body()).get("output");
        assertEquals(today, output.get("asOf").asText());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!status(system, token, ended).equals("EXPIRED") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("EXPIRED", status(system, token, ended));
        assertEquals("ACTIVE", status(system, token, running));
    }

    @Test
    void aDayAfterTodayIsRefusedByTheProducer(LocalSystem system) throws Exception {
        JsonNode schedules = JSON.readTree(system.runtime().endpointsJson()).get("schedules");
        HttpResponse<String> fired = HTTP.send(HttpRequest.newBuilder(URI.create(schedules.get(SCHEDULE).asText()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"2999-01-01\"}")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(502, fired.statusCode(), fired.body());
        assertEquals("java.lang.IllegalArgumentException", JSON.readTree(fired.body()).get("errorType").asText());
    }

    /** A contract activated earlier whose end date has passed: its end date (and expiry index key) set to yesterday. */
    private static void endedYesterday(LocalSystem system, String contractId) {
        String table = system.tableName("ContractTable");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        var item = system.dynamoDb().scan(r -> r.tableName(table).filterExpression("contractId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(contractId)))).items().get(0);
        String indexKey = yesterday + item.get("gsi4sk").s().substring(yesterday.length());
        system.dynamoDb().updateItem(r -> r.tableName(table).key(Map.of("pk", item.get("pk")))
                .updateExpression("SET endDate = :d, gsi4sk = :k")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(yesterday), ":k", AttributeValue.fromS(indexKey))));
    }

    private static void activate(LocalSystem system, String token, String contractId) throws Exception {
        HttpResponse<String> current = send(get(system.baseUrl("contract"), "/contracts/" + contractId, token));
        HttpResponse<String> active = send(post(system.baseUrl("contract"), "/contracts/" + contractId + "/activate", token, "")
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow()));
        assertEquals(200, active.statusCode(), active.body());
    }

    private static String status(LocalSystem system, String token, String contractId) throws Exception {
        return JSON.readTree(send(get(system.baseUrl("contract"), "/contracts/" + contractId, token)).body())
                .get("status").textValue();
    }

    private static String created(HttpResponse<String> r) throws Exception {
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").textValue();
    }

    private static HttpRequest.Builder get(URI base, String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String body) {
        return get(base, path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
