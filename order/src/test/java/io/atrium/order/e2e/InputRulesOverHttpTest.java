package io.atrium.order.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input rules of API.md over HTTP through the local runtime, on every stack that takes the input: Money without
 * its currency is a 400 naming it (never a 500), one Money rule in every body, sums the server keeps stay within 15
 * integer digits (409, nothing written), one text rule (no control characters, lengths in code points), and no
 * {@code nextToken} on a last page that is exactly full. The stacks' packaged code runs: this module's test
 * dependencies on them make {@code mvn verify} (also {@code -pl order -am}) package them first.
 */
@LocalSystemTest(templates = {"shared/template.yaml", "authz/template.yaml", "partner/template.yaml", "contract/template.yaml",
        "transaction/template.yaml", "catalog/template.yaml", "order/template.yaml"})
class InputRulesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String token;
    private static LocalSystem system;

    @BeforeAll
    static void onboard(LocalSystem localSystem) {
        system = localSystem;
        ApiClients clients = new ApiClients(localSystem);
        token = clients.token(clients.onboard("Input rules", "premium"));
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        Set<String> errorFields() {
            Set<String> fields = new TreeSet<>();
            body.path("errors").forEach(e -> fields.add(e.get("field").textValue()));
            return fields;
        }
    }

    private static Answer send(String stack, String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl(stack) + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()), response);
    }

    private static void assertBadRequestNaming(Answer answer, String... fields) {
        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals("application/problem+json", answer.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals(Set.of(fields), answer.errorFields(), answer.raw().body());
    }

    private static String partner(String name) throws Exception {
        Answer created = send("partner", "POST", "/partners", JSON.writeValueAsString(
                java.util.Map.of("name", name, "email", "ops@example.com", "country", "DE")));
        assertEquals(201, created.status(), created.raw().body());
        return created.body().get("id").textValue();
    }

    private static String activeContract(String partnerId, String currency) throws Exception {
        Answer contract = send("contract", "POST", "/contracts", "{\"partnerId\":\"" + partnerId + "\",\"title\":\"Big\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"1\",\"currency\":\"" + currency + "\"}}");
        assertEquals(201, contract.status(), contract.raw().body());
        String id = contract.body().get("id").textValue();
        Answer active = send("contract", "POST", "/contracts/" + id + "/activate", null, "If-Match", contract.raw().headers().firstValue("ETag").orElseThrow());
        assertEquals(200, active.status(), active.raw().body());
        return id;
    }

    private static String product(String sku, String amount, String currency) throws Exception {
        Answer created = send("catalog", "POST", "/products", "{\"sku\":\"" + sku + "\",\"name\":\"N\",\"price\":{\"amount\":\"" + amount
                + "\",\"currency\":\"" + currency + "\"},\"stock\":100}");
        assertEquals(201, created.status(), created.raw().body());
        return created.body().get("id").textValue();
    }

    @Test
    void moneyWithoutItsCurrencyIs400NamingItOnEveryRoute() throws Exception {
        String contractId = activeContract(partner("Money partner"), "EUR");
        String productId = product("NO-CUR", "1.00", "EUR");
        for (String money : List.of("{\"amount\":\"10.00\"}", "{\"amount\":\"10.00\",\"currency\":null}")) {
            assertBadRequestNaming(send("contract", "POST", "/contracts", "{\"partnerId\":\"p\",\"title\":\"T\",\"startDate\":\"2026-01-01\","
                    + "\"endDate\":\"2026-12-31\",\"value\":" + money + "}"), "value.currency");
            assertBadRequestNaming(send("transaction", "POST", "/transactions", "{\"contractId\":\"" + contractId
                    + "\",\"type\":\"CHARGE\",\"amount\":" + money + ",\"reference\":\"R\"}", "Idempotency-Key", "no-cur-" + money.length()),
                    "amount.currency");
            assertBadRequestNaming(send("catalog", "POST", "/products", "{\"sku\":\"S\",\"name\":\"N\",\"price\":" + money + ",\"stock\":1}"),
                    "price.currency");
            assertBadRequestNaming(send("catalog", "PUT", "/products/" + productId, "{\"sku\":\"S\",\"name\":\"N\",\"price\":" + money
                    + ",\"stock\":1}", "If-Match", "\"1\""), "price.currency");
        }
    }

    @Test
    void oneMoneyRuleInEveryBody() throws Exception {
        String contractId = activeContract(partner("Rule partner"), "EUR");
        for (String money : List.of("{\"amount\":\"1.00\",\"currency\":\"ZZZ\"}", "{\"amount\":\"2.505\",\"currency\":\"EUR\"}",
                "{\"amount\":\"10.5\",\"currency\":\"JPY\"}", "{\"amount\":\"1000000000000000\",\"currency\":\"EUR\"}")) {
            String field = money.contains("ZZZ") ? "currency" : "amount";
            assertBadRequestNaming(send("catalog", "POST", "/products", "{\"sku\":\"S\",\"name\":\"N\",\"price\":" + money + ",\"stock\":1}"),
                    "price." + field);
            assertBadRequestNaming(send("contract", "POST", "/contracts", "{\"partnerId\":\"p\",\"title\":\"T\",\"startDate\":\"2026-01-01\","
                    + "\"endDate\":\"2026-12-31\",\"value\":" + money + "}"), "value." + field);
            assertBadRequestNaming(send("transaction", "POST", "/transactions", "{\"contractId\":\"" + contractId
                    + "\",\"type\":\"CHARGE\",\"amount\":" + money + ",\"reference\":\"R\"}", "Idempotency-Key", "rule-" + money.hashCode()),
                    "amount." + field);
        }
        Answer yen = send("catalog", "GET", "/products/" + product("YEN", "1500.00", "JPY"), null);
        assertEquals("1500", yen.body().get("price").get("amount").textValue(), "JPY has no minor unit, so none is shown");
    }

    @Test
    void sumsTheServerKeepsStayWithinFifteenIntegerDigits() throws Exception {
        String contractId = activeContract(partner("Max partner"), "EUR");
        String charge = "{\"contractId\":\"" + contractId + "\",\"type\":\"CHARGE\",\"amount\":{\"amount\":\"999999999999999.99\","
                + "\"currency\":\"EUR\"},\"reference\":\"R\"}";
        assertEquals(201, send("transaction", "POST", "/transactions", charge, "Idempotency-Key", "max-1").status());
        Answer second = send("transaction", "POST", "/transactions", charge, "Idempotency-Key", "max-2");
        assertEquals(409, second.status(), second.raw().body());
        assertEquals("application/problem+json", second.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals("999999999999999.99", send("contract", "GET", "/contracts/" + contractId, null).body().get("balance").get("amount").textValue());
        assertEquals(1, send("transaction", "GET", "/transactions?contractId=" + contractId, null).body().get("items").size());

        String productId = product("DEAR", "999999999999999.99", "EUR");
        Answer order = send("order", "POST", "/orders", "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":10}]}",
                "Idempotency-Key", "dear-order");
        assertEquals(409, order.status(), order.raw().body());
        assertEquals(100, send("catalog", "GET", "/products/" + productId, null).body().get("stock").longValue(), "nothing reserved");
        assertEquals(0, send("order", "GET", "/orders", null).body().get("items").size());
    }

    @Test
    void oneTextRuleNoControlCharactersAndLengthsInCodePoints() throws Exception {
        for (String name : List.of("A\u0000B", "Esc\u001B[31m", "Two\nlines", "Tab\tbed", "Del\u007F", "C1\u0085")) {
            assertBadRequestNaming(send("partner", "POST", "/partners", JSON.writeValueAsString(
                    java.util.Map.of("name", name, "email", "ops@example.com", "country", "DE"))), "name");
        }
        String emoji = "\uD83D\uDE00".repeat(150);
        Answer shown = send("partner", "GET", "/partners/" + partner(emoji), null);
        assertEquals(emoji, shown.body().get("name").textValue(), "150 code points fit maxLength 200");
        assertBadRequestNaming(send("contract", "POST", "/contracts", "{\"partnerId\":\"p\",\"title\":\"" + "\uD83D\uDE00".repeat(201)
                + "\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\",\"value\":{\"amount\":\"1\",\"currency\":\"EUR\"}}"), "title");
    }

    @Test
    void anExactlyFullLastPageHasNoNextToken() throws Exception {
        ApiClients clients = new ApiClients(system);
        String own = token;
        token = clients.token(clients.onboard("Seven partners", "premium"));
        try {
            for (int i = 0; i < 7; i++) {
                partner("Partner " + i);
            }
            Answer all = send("partner", "GET", "/partners?limit=7", null);
            assertEquals(7, all.body().get("items").size());
            assertNull(all.body().get("nextToken"), all.raw().body());

            Answer first = send("partner", "GET", "/partners?limit=4", null);
            String next = first.body().get("nextToken").textValue();
            Answer last = send("partner", "GET", "/partners?limit=4&nextToken=" + next, null);
            assertEquals(3, last.body().get("items").size());
            assertFalse(last.body().has("nextToken"));
            assertTrue(send("partner", "GET", "/partners?limit=8", null).body().get("nextToken") == null);
        } finally {
            token = own;
        }
    }
}
