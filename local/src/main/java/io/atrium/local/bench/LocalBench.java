package io.atrium.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a running local runtime (what {@code scripts/bench-local} starts): time from launch to every stack
 * answering {@code /health}, the first request, warm {@code GET /partners/{id}} latency and throughput at
 * concurrency 1, 8 and 32, over real HTTP with real tokens. Prints a Markdown section.
 *
 * <p>Usage: {@code LocalBench ENDPOINTS_FILE LAUNCHED_AT_EPOCH_MS [SECONDS_PER_RUN]}
 */
public final class LocalBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Tenants whose tokens the requests rotate through (each token's authorizer result is cached). All are premium:
     * they share the premium API key, so the partner usage plan allows them 1,000 req/s with a burst of 2,000.
     */
    private static final int TENANTS = 8;

    private LocalBench() {
    }

    public static void main(String[] args) throws Exception {
        Path endpointsFile = Path.of(args[0]);
        long launchedAt = Long.parseLong(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        while (!Files.exists(endpointsFile)) {
            if (System.currentTimeMillis() - launchedAt > 300_000) {
                throw new IllegalStateException("no " + endpointsFile + " after 300 s");
            }
            Thread.sleep(10);
        }
        JsonNode endpoints = JSON.readTree(Files.readString(endpointsFile));
        Map<String, URI> stacks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.get("stacks").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            stacks.put(e.getKey(), URI.create(e.getValue().asText()));
        }
        long endpointsAt = System.currentTimeMillis() - launchedAt;
        // every stack polled at once, as clients of different stacks would
        java.util.concurrent.ConcurrentHashMap<String, Long> firstAnswerMs = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> pollers = new ArrayList<>();
        for (Map.Entry<String, URI> s : stacks.entrySet()) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        int status = status(HttpRequest.newBuilder(URI.create(s.getValue() + "/health")).build());
                        firstAnswerMs.putIfAbsent(s.getKey(), (System.nanoTime() - t0) / 1_000_000);
                        if (status == 200) {
                            return;
                        }
                        Thread.sleep(10);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pollers.add(t);
            t.start();
        }
        for (Thread t : pollers) {
            t.join();
        }
        long firstHealthMs = firstAnswerMs.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        long servingMs = System.currentTimeMillis() - launchedAt;

        URI partner = stacks.get("partner");
        URI authz = stacks.get("authz");
        String tokenUrl = endpoints.get("tokenUrl").asText();
        String adminToken = token(tokenUrl, endpoints.at("/adminClient/clientId").asText(),
                endpoints.at("/adminClient/clientSecret").asText(), null);
        List<String> tokens = new ArrayList<>();
        List<String> partnerIds = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            JsonNode tenant = post(URI.create(authz + "/tenants"), adminToken,
                    "{\"name\":\"Bench " + i + "\",\"tier\":\"premium\"}", 201);
            String token = token(tokenUrl, tenant.get("clientId").asText(), tenant.get("clientSecret").asText(),
                    "partners/read partners/write");
            tokens.add(token);
            JsonNode p = post(URI.create(partner + "/partners"), token,
                    "{\"name\":\"Globex " + i + "\",\"email\":\"ops" + i + "@globex.example\",\"country\":\"DE\"}", 201);
            partnerIds.add(p.get("partnerId") != null ? p.get("partnerId").asText() : p.get("id").asText());
        }
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            requests.add(LoadClient.get(URI.create(partner + "/partners/" + partnerIds.get(i)), tokens.get(i)));
        }
        long firstGetMicros;
        try (LoadClient c = new LoadClient(partner)) {
            long t = System.nanoTime();
            int status = c.send(requests.get(0));
            firstGetMicros = (System.nanoTime() - t) / 1_000;
            if (status != 200) {
                throw new IllegalStateException("GET /partners/{id} answered " + status);
            }
            for (int i = 0; i < 2_000; i++) {
                c.send(requests.get(i % TENANTS)); // JIT warm-up of server and client
            }
        }
        long[] latencies = new long[3_000];
        try (LoadClient c = new LoadClient(partner)) {
            for (int i = 0; i < latencies.length; i++) {
                long t = System.nanoTime();
                int status = c.send(requests.get(i % TENANTS));
                latencies[i] = System.nanoTime() - t;
                if (status != 200) {
                    throw new IllegalStateException("GET /partners/{id} answered " + status);
                }
            }
        }
        Arrays.sort(latencies);
        Map<Integer, double[]> throughput = new LinkedHashMap<>();
        for (int concurrency : List.of(1, 8, 32)) {
            throughput.put(concurrency, load(partner, requests, concurrency, seconds));
        }
        List<byte[]> health = List.of(LoadClient.get(URI.create(partner + "/health"), null));
        double[] healthAt8 = load(partner, health, 8, seconds);

        double[] raw1 = rawGetItem(URI.create(endpoints.get("dynamodbEndpoint").asText()), 1, seconds);
        double[] raw8 = rawGetItem(URI.create(endpoints.get("dynamodbEndpoint").asText()), 8, seconds);
        StringBuilder md = new StringBuilder();
        md.append(String.format("| launch of `scripts/local` to runtime ready (endpoints.json written, %d APIs listening) | %.1f s |%n",
                stacks.size(), endpointsAt / 1000.0));
        md.append(String.format("| launch to every stack answering GET /health with 200 (cold functions included) | %.1f s |%n",
                servingMs / 1000.0));
        md.append(String.format("| first request after start (slowest first GET /health among the stacks, cold init) | %d ms |%n",
                firstHealthMs));
        md.append(String.format("| first GET /partners/{id} (after tenant and partner set-up) | %.1f ms |%n",
                firstGetMicros / 1000.0));
        md.append(String.format("| warm GET /partners/{id}, concurrency 1: p50 / p99 | %.2f ms / %.2f ms |%n",
                pct(latencies, 0.50), pct(latencies, 0.99)));
        for (Map.Entry<Integer, double[]> t : throughput.entrySet()) {
            md.append(String.format("| GET /partners/{id} throughput, concurrency %d | %,.0f req/s (p99 %.2f ms, %d non-200) |%n",
                    t.getKey(), t.getValue()[0], t.getValue()[1], (long) t.getValue()[2]));
        }
        md.append(String.format("| GET /health throughput, concurrency 8 (no authorizer) | %,.0f req/s (p99 %.2f ms, %d non-200) |%n",
                healthAt8[0], healthAt8[1], (long) healthAt8[2]));
        md.append(String.format("| for scale: bare GetItem on DynamoDB Local (SDK, URL-connection client), concurrency 1 / 8 | %,.0f / %,.0f req/s (p50 %.2f ms at 1) |%n",
                raw1[0], raw8[0], raw1[1]));
        double p50 = pct(latencies, 0.50);
        double at8 = throughput.get(8)[0];
        md.append(String.format("%nAgainst issue 3's targets on this run:%n"));
        md.append(String.format("- every stack serving within 5 s: %s (%.1f s to every /health answering 200)%n",
                servingMs <= 5_000 ? "met" : "not met", servingMs / 1000.0));
        md.append(String.format("- warm GET p50 within 2 ms: %s (%.2f ms; DynamoDB Local's bare GetItem alone: %.2f ms)%n",
                p50 <= 2.0 ? "met" : "not met", p50, raw1[1]));
        md.append(String.format("- at least 2,000 GET/s at concurrency 8: %s (%,.0f req/s; DynamoDB Local's bare GetItem"
                + " alone: %,.0f req/s at concurrency 8)%n", at8 >= 2_000 ? "met" : "not met", at8, raw8[0]));
        System.out.print(md);
    }

    /** {GetItem per second, p50 ms}: what DynamoDB Local itself serves, the floor under every GET. */
    private static double[] rawGetItem(URI endpoint, int concurrency, int seconds) throws Exception {
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient c =
                io.atrium.local.dynamodb.DynamoDbLocal.newClient(endpoint)) {
            String table = "bench-raw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            c.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                    Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TENANT#t#PARTNER#p"));
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new LinkedHashMap<>(key);
            item.put("name", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Globex"));
            c.putItem(r -> r.tableName(table).item(item));
            for (int i = 0; i < 1_000; i++) {
                c.getItem(r -> r.tableName(table).key(key).consistentRead(true));
            }
            AtomicLong n = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long[] single = new long[100_000];
            int[] count = {0};
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                boolean sample = t == 0;
                Thread th = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long s0 = System.nanoTime();
                        c.getItem(r -> r.tableName(table).key(key).consistentRead(true));
                        if (sample && count[0] < single.length) {
                            single[count[0]++] = System.nanoTime() - s0;
                        }
                        n.incrementAndGet();
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            c.deleteTable(r -> r.tableName(table));
            long[] sorted = Arrays.copyOf(single, count[0]);
            Arrays.sort(sorted);
            return new double[] {n.get() / elapsed, sorted.length == 0 ? 0 : pct(sorted, 0.5)};
        }
    }

    private static double pct(long[] sortedNanos, double p) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.round(p * (sortedNanos.length - 1)));
        return sortedNanos[i] / 1_000_000.0;
    }

    /** {requests per second, p99 ms, non-200 count} for {@code concurrency} connections over {@code seconds}. */
    private static double[] load(URI base, List<byte[]> requests, int concurrency, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicLongArray statuses = new java.util.concurrent.atomic.AtomicLongArray(600);
        long[][] samples = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            samples[w] = new long[200_000];
            Thread t = new Thread(() -> {
                try (LoadClient c = new LoadClient(base)) {
                    ready.countDown();
                    go.await();
                    int i = worker;
                    while (System.nanoTime() < window[1]) {
                        long s = System.nanoTime();
                        int status = c.send(requests.get(i++ % requests.size()));
                        long d = System.nanoTime() - s;
                        if (counts[worker] < samples[worker].length) {
                            samples[worker][counts[worker]++] = d;
                        }
                        done.incrementAndGet();
                        if (status != 200) {
                            failed.incrementAndGet();
                            statuses.incrementAndGet(Math.min(599, Math.max(0, status)));
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("load worker failed: " + e);
                }
            }, "bench-" + w);
            threads.add(t);
            t.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(samples[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        Arrays.sort(all);
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            if (statuses.get(i) > 0) {
                codes.append(' ').append(i).append('x').append(statuses.get(i));
            }
        }
        if (codes.length() > 0) {
            System.err.println("concurrency " + concurrency + ": non-200 answers by status:" + codes);
        }
        return new double[] {done.get() / elapsed, all.length == 0 ? 0 : pct(all, 0.99), failed.get()};
    }

    private static int status(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String token(String tokenUrl, String clientId, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static JsonNode post(URI url, String token, String body, int expected) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
