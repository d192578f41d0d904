package io.atrium.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The stream lag a client of the running local system sees (ADR 0106): the time from {@code POST /transactions}
 * answering 201 to {@code GET /statements/{month}} counting that transaction, through the TransactionTable stream,
 * the runtime's stream event source and the statements consumer. One tenant, one active contract, one charge at a
 * time; the statement is polled every 2 ms.
 */
record StreamLag(URI transactions, String token, String contractId) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A premium tenant with an active contract, its token allowed every scope it needs. */
    static StreamLag prepare(String tokenUrl, String adminToken, URI authz, URI partner, URI contract, URI transactions)
            throws Exception {
        JsonNode tenant = LocalBench.post(URI.create(authz + "/tenants"), adminToken,
                "{\"name\":\"Bench streams\",\"tier\":\"premium\"}", 201);
        String token = LocalBench.token(tokenUrl, tenant.get("clientId").asText(), tenant.get("clientSecret").asText(), null);
        String partnerId = LocalBench.post(URI.create(partner + "/partners"), token,
                "{\"name\":\"Initech\",\"email\":\"ops@initech.example\",\"country\":\"DE\"}", 201).get("id").asText();
        JsonNode created = LocalBench.post(URI.create(contract + "/contracts"), token, "{\"partnerId\":\"" + partnerId
                + "\",\"title\":\"Bench\",\"startDate\":\"2026-01-01\",\"endDate\":\"2099-12-31\","
                + "\"value\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"}}", 201);
        String contractId = created.get("id").asText();
        HttpResponse<String> activated = HTTP.send(HttpRequest.newBuilder(URI.create(contract + "/contracts/" + contractId
                + "/activate")).header("Authorization", "Bearer " + token).header("If-Match", "\"" + created.get("version").asText() + "\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (activated.statusCode() != 200) {
            throw new IllegalStateException("activate answered " + activated.statusCode() + ": " + activated.body());
        }
        return new StreamLag(transactions, token, contractId);
    }

    /** Sorted lags in nanoseconds of {@code samples} charges, each waited for before the next. */
    long[] measure(int samples) throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        URI statement = URI.create(transactions + "/statements/" + month);
        long counted = count(statement);
        long[] lags = new long[samples];
        for (int i = 0; i < samples; i++) {
            LocalBench.post(URI.create(transactions + "/transactions"), token, "{\"contractId\":\"" + contractId
                    + "\",\"type\":\"CHARGE\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"reference\":\"B-" + i + "\"}", 201);
            long written = System.nanoTime();
            counted++;
            while (count(statement) < counted) {
                if (System.nanoTime() - written > 30_000_000_000L) {
                    throw new IllegalStateException("a charge did not reach the statement within 30 s");
                }
                Thread.sleep(2);
            }
            lags[i] = System.nanoTime() - written;
        }
        Arrays.sort(lags);
        return lags;
    }

    private long count(URI statement) throws Exception {
        long count = 0;
        for (JsonNode total : LocalBench.get(statement, token).get("totals")) {
            count += total.get("count").asLong();
        }
        return count;
    }
}
