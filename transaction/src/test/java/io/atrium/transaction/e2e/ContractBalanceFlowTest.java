package io.atrium.transaction.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The main money flow end to end over HTTP, through the local runtime (authorizer, usage plans, isolated
 * functions, DynamoDB Local): onboard a tenant -> partner -> contract -> activate -> charge -> refund -> balance.
 * The runtime runs the stacks' packaged code: this module's test dependencies on authz, partner and contract make
 * {@code mvn verify} (also {@code -pl transaction -am}) package them and the layer before this end-to-end test runs.
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "partner/template.yaml", "contract/template.yaml",
        "transaction/template.yaml"})
class ContractBalanceFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body, response);
    }

    private static HttpRequest.Builder call(URI base, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String body) {
        return call(base, path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void partnerContractActivateChargeRefundBalance(LocalSystem system) throws Exception {
        URI partners = system.baseUrl("partner");
        URI contracts = system.baseUrl("contract");
        URI transactions = system.baseUrl("transaction");

        // health and docs are public; everything else needs a token
        assertEquals(200, send(call(contracts, "/health", null)).status());
        assertEquals("3.0.3", send(call(transactions, "/openapi.json", null)).body().get("openapi").textValue());
        assertEquals(401, send(call(contracts, "/contracts", null)).status());

        // onboard a tenant and act as its client
        ApiClients clients = new ApiClients(system);
        String token = clients.token(clients.onboard("Flow Corp", "premium"));

        Answer partner = send(post(partners, "/partners", token, "{\"name\":\"Acme\",\"email\":\"billing@acme.example\",\"country\":\"DE\"}"));
        assertEquals(201, partner.status(), partner.raw().body());
        String partnerId = partner.body().get("id").textValue();

        Answer contract = send(post(contracts, "/contracts", token, "{\"partnerId\":\"" + partnerId + "\",\"title\":\"Support 2026\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"5000.00\",\"currency\":\"EUR\"}}"));
        assertEquals(201, contract.status(), contract.raw().body());
        assertEquals("DRAFT", contract.body().get("status").textValue());
        String contractId = contract.body().get("id").textValue();

        String charge = "{\"contractId\":\"" + contractId + "\",\"type\":\"CHARGE\",\"amount\":{\"amount\":\"100.00\",\"currency\":\"EUR\"},"
                + "\"reference\":\"INV-1\"}";
        assertEquals(409, send(post(transactions, "/transactions", token, charge).header("Idempotency-Key", "early")).status(),
                "a DRAFT contract takes no money");

        Answer active = send(post(contracts, "/contracts/" + contractId + "/activate", token, "").header("If-Match", contract.header("ETag")));
        assertEquals(200, active.status(), active.raw().body());
        assertEquals("ACTIVE", active.body().get("status").textValue());

        Answer charged = send(post(transactions, "/transactions", token, charge).header("Idempotency-Key", "charge-inv-1"));
        assertEquals(201, charged.status(), charged.raw().body());
        Answer replay = send(post(transactions, "/transactions", token, charge).header("Idempotency-Key", "charge-inv-1"));
        assertEquals(201, replay.status());
        assertEquals(charged.raw().body(), replay.raw().body(), "the repeat is answered, not executed again");

        String refund = "{\"contractId\":\"" + contractId + "\",\"type\":\"REFUND\",\"amount\":{\"amount\":\"30.00\",\"currency\":\"EUR\"},"
                + "\"reference\":\"CN-1\"}";
        assertEquals(201, send(post(transactions, "/transactions", token, refund).header("Idempotency-Key", "refund-cn-1")).status());
        String tooMuch = refund.replace("30.00", "70.01").replace("CN-1", "CN-2");
        assertEquals(409, send(post(transactions, "/transactions", token, tooMuch).header("Idempotency-Key", "refund-cn-2")).status());

        Answer balance = send(call(contracts, "/contracts/" + contractId, token));
        assertEquals(200, balance.status());
        assertEquals("70.00", balance.body().get("balance").get("amount").textValue());
        assertEquals("EUR", balance.body().get("balance").get("currency").textValue());

        Answer listed = send(call(transactions, "/transactions?contractId=" + contractId, token));
        assertEquals(200, listed.status(), listed.raw().body());
        assertEquals(2, listed.body().get("items").size());
        assertEquals("REFUND", listed.body().get("items").get(0).get("type").textValue(), "newest first");

        // the partner cannot go while the contract is active; terminating it frees the partner
        Answer partnerNow = send(call(partners, "/partners/" + partnerId, token));
        assertEquals(409, send(call(partners, "/partners/" + partnerId, token).header("If-Match", partnerNow.header("ETag")).DELETE()).status());
        Answer terminated = send(post(contracts, "/contracts/" + contractId + "/terminate", token, "").header("If-Match", balance.header("ETag")));
        assertEquals(200, terminated.status(), terminated.raw().body());
        assertEquals(204, send(call(partners, "/partners/" + partnerId, token).header("If-Match", partnerNow.header("ETag")).DELETE()).status());
        assertTrue(send(call(contracts, "/contracts/" + contractId, token)).body().get("status").textValue().equals("TERMINATED"));
    }
}
