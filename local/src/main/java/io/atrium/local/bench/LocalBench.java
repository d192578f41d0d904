package io.atrium.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.LocalRuntime;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a running local runtime (what {@code scripts/bench-local} starts): time from launch to every stack
 * answering {@code /health}, the first request, warm {@code GET /partners/{id}} latency and throughput at
 * concurrency 1, 8 and 32, over real HTTP with real tokens. Prints a Markdown section.
 *
 * The warm and throughput runs start once the runtime's background warm-up has loaded every function (its log says
 * so), so they measure the runtime as it serves after start-up, not beside 40-odd functions' inits; how long that
 * warm-up took is a figure of its own.
 *
 * <p>Usage: {@code LocalBench ENDPOINTS_FILE LAUNCHED_AT_EPOCH_MS [SECONDS_PER_RUN [RUNTIME_LOG]]}
 */
public final class LocalBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Tenants whose tokens the requests rotate through (each token's authorizer result is cached). All are premium:
     * they share the premium API key, so the template's plan allows them 1,000 req/s with a burst of 2,000;
     * {@code scripts/bench-local} runs the runtime with a bench-only throttle on that plan (stated in its file).
     */
    private static final int TENANTS = 8;

    private LocalBench() {
    }

    /** What the start-up part measured, in milliseconds since launch (first answer: the slowest stack's). */
    private record Startup(long endpointsAtMs, long firstHealthMs, long servingMs) {
    }

    /**
     * Warm single-connection figures: the first GET in microseconds, when the background warm-up was done (ms since
     * launch, -1: not watched), then sorted latencies in nanoseconds.
     */
    private record Warm(long firstGetMicros, long warmedUpMs, long[] sortedNanos) {
    }

    public static void main(String[] args) throws Exception {
        Path endpointsFile = Path.of(args[0]);
        long launchedAt = Long.parseLong(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path runtimeLog = args.length > 3 ? Path.of(args[3]) : null;
        JsonNode endpoints = awaitEndpoints(endpointsFile, launchedAt);
        Map<String, URI> stacks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.get("stacks").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            stacks.put(e.getKey(), URI.create(e.getValue().asText()));
        }
        Startup startup = startup(stacks, launchedAt, System.currentTimeMillis() - launchedAt);
        URI partner = stacks.get("partner");
        List<byte[]> requests = partnerReads(endpoints, stacks);
        long firstGetMicros = firstGet(partner, requests.get(0));
        long warmedUpMs = runtimeLog == null ? -1 : awaitWarmUp(runtimeLog, launchedAt);
        Warm warm = warm(partner, requests, firstGetMicros, warmedUpMs);
        Map<Integer, double[]> throughput = new LinkedHashMap<>();
        for (int concurrency : List.of(1, 8, 32)) {
            throughput.put(concurrency, LoadRun.run(partner, requests, concurrency, seconds));
        }
        double[] healthAt8 = LoadRun.run(partner, List.of(LoadClient.get(URI.create(partner + "/health"), null)), 8,
                seconds);
        long[] streamLag = streamLag(endpoints, stacks);
        long[] orderLag = orderLag(endpoints, stacks);
        URI dynamoDb = URI.create(endpoints.get("dynamodbEndpoint").asText());
        double[] raw1 = rawGetItem(dynamoDb, 1, seconds);
        double[] raw8 = rawGetItem(dynamoDb, 8, seconds);
        System.out.print(report(stacks.size(), startup, warm, throughput, healthAt8, raw1, raw8, streamLag, orderLag));
    }

    private static JsonNode awaitEndpoints(Path endpointsFile, long launchedAt) throws Exception {
        while (!Files.exists(endpointsFile)) {
            if (System.currentTimeMillis() - launchedAt > 300_000) {
                throw new IllegalStateException("no " + endpointsFile + " after 300 s");
            }
            Thread.sleep(10);
        }
        return JSON.readTree(Files.readString(endpointsFile));
    }

    /** Polls every stack's /health at once, as clients of different stacks would, until each answers 200. */
    private static Startup startup(Map<String, URI> stacks, long launchedAt, long endpointsAt) throws Exception {
        ConcurrentHashMap<String, Long> firstAnswerMs = new ConcurrentHashMap<>();
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
        return new Startup(endpointsAt, firstHealthMs, System.currentTimeMillis() - launchedAt);
    }

    /** Onboards {@link #TENANTS} premium tenants with a partner each: one GET /partners/{id} request per tenant. */
    private static List<byte[]> partnerReads(JsonNode endpoints, Map<String, URI> stacks) throws Exception {
        URI partner = stacks.get("partner");
        URI authz = stacks.get("authz");
        String tokenUrl = endpoints.get("tokenUrl").asText();
        String adminToken = adminToken(endpoints);
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            JsonNode tenant = post(URI.create(authz + "/tenants"), adminToken,
                    "{\"name\":\"Bench " + i + "\",\"tier\":\"premium\"}", 201);
            String token = token(tokenUrl, tenant.get("clientId").asText(), tenant.get("clientSecret").asText(),
                    "partners/read partners/write");
            JsonNode p = post(URI.create(partner + "/partners"), token,
                    "{\"name\":\"Globex " + i + "\",\"email\":\"ops" + i + "@globex.example\",\"country\":\"DE\"}", 201);
            String partnerId = p.get("partnerId") != null ? p.get("partnerId").asText() : p.get("id").asText();
            requests.add(LoadClient.get(URI.create(partner + "/partners/" + partnerId), token));
        }
        return requests;
    }

    /** {@link StreamLag} of 50 charges, each waited for, after 5 to warm the functions up. */
    private static long[] streamLag(JsonNode endpoints, Map<String, URI> stacks) throws Exception {
        String tokenUrl = endpoints.get("tokenUrl").asText();
        StreamLag lag = StreamLag.prepare(tokenUrl, adminToken(endpoints), stacks.get("authz"), stacks.get("partner"),
                stacks.get("contract"), stacks.get("transaction"));
        lag.measure(5);
        return lag.measure(50);
    }

    /** {@link OrderLag} of 50 orders, each waited for, after 5 to warm the functions up. */
    private static long[] orderLag(JsonNode endpoints, Map<String, URI> stacks) throws Exception {
        String tokenUrl = endpoints.get("tokenUrl").asText();
        OrderLag lag = OrderLag.prepare(tokenUrl, adminToken(endpoints), stacks.get("authz"), stacks.get("catalog"),
                stacks.get("order"));
        lag.measure(5);
        return lag.measure(50);
    }

    private static String adminToken(JsonNode endpoints) throws Exception {
        return token(endpoints.get("tokenUrl").asText(), endpoints.at("/adminClient/clientId").asText(),
                endpoints.at("/adminClient/clientSecret").asText(), null);
    }

    /** The first GET /partners/{id}, in microseconds: GetPartner's cold start behind the authorizer. */
    private static long firstGet(URI partner, byte[] request) throws Exception {
        try (LoadClient c = new LoadClient(partner)) {
            long t = System.nanoTime();
            expectOk(c.send(request));
            return (System.nanoTime() - t) / 1_000;
        }
    }

    /** Waits (at most 10 minutes) for the runtime's log to say the warm-up is done; ms since launch. */
    private static long awaitWarmUp(Path runtimeLog, long launchedAt) throws Exception {
        byte[] done = LocalRuntime.WARM_UP_DONE.getBytes(StandardCharsets.ISO_8859_1);
        long read = 0;
        try (java.io.RandomAccessFile log = new java.io.RandomAccessFile(runtimeLog.toFile(), "r")) {
            String tail = "";
            while (true) {
                byte[] more = new byte[(int) Math.min(1 << 20, log.length() - read)];
                log.seek(read);
                log.readFully(more);
                read += more.length;
                // the line may straddle two reads: keep the last bytes of the one before
                tail = tail.substring(Math.max(0, tail.length() - done.length)) + new String(more, StandardCharsets.ISO_8859_1);
                if (tail.contains(LocalRuntime.WARM_UP_DONE)) {
                    return System.currentTimeMillis() - launchedAt;
                }
                if (System.currentTimeMillis() - launchedAt > 600_000) {
                    throw new IllegalStateException("the runtime's warm-up was not done 10 minutes after launch");
                }
                if (more.length == 0) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static Warm warm(URI partner, List<byte[]> requests, long firstGetMicros, long warmedUpMs) throws Exception {
        try (LoadClient c = new LoadClient(partner)) {
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
                expectOk(status);
            }
        }
        Arrays.sort(latencies);
        return new Warm(firstGetMicros, warmedUpMs, latencies);
    }

    private static void expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("GET /partners/{id} answered " + status);
        }
    }

    private static String report(int apis, Startup startup, Warm warm, Map<Integer, double[]> throughput,
            double[] healthAt8, double[] raw1, double[] raw8, long[] streamLag, long[] orderLag) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("| launch of `scripts/local` to runtime ready (endpoints.json written, %d APIs listening) | %.1f s |%n",
                apis, startup.endpointsAtMs() / 1000.0));
        md.append(String.format("| launch to every stack answering GET /health with 200 (cold functions included) | %.1f s |%n",
                startup.servingMs() / 1000.0));
        md.append(String.format("| first request after start (slowest first GET /health among the stacks, cold init) | %d ms |%n",
                startup.firstHealthMs()));
        md.append(String.format("| first GET /partners/{id} (after tenant and partner set-up) | %.1f ms |%n",
                warm.firstGetMicros() / 1000.0));
        if (warm.warmedUpMs() >= 0) {
            md.append(String.format("| launch to the background warm-up done (every function loaded; the runs below start"
                    + " after it) | %.1f s |%n", warm.warmedUpMs() / 1000.0));
        }
        double p50 = pct(warm.sortedNanos(), 0.50);
        md.append(String.format("| warm GET /partners/{id}, concurrency 1: p50 / p99 | %.2f ms / %.2f ms |%n",
                p50, pct(warm.sortedNanos(), 0.99)));
        for (Map.Entry<Integer, double[]> t : throughput.entrySet()) {
            md.append(String.format("| GET /partners/{id} throughput, concurrency %d | %,.0f req/s (p99 %.2f ms, %d non-200) |%n",
                    t.getKey(), t.getValue()[0], t.getValue()[1], (long) t.getValue()[2]));
        }
        md.append(String.format("| GET /health throughput, concurrency 8 (no authorizer) | %,.0f req/s (p99 %.2f ms, %d non-200) |%n",
                healthAt8[0], healthAt8[1], (long) healthAt8[2]));
        md.append(String.format("| for scale: bare GetItem on DynamoDB Local (SDK, URL-connection client), concurrency 1 / 8 | %,.0f / %,.0f req/s (p50 %.2f ms at 1) |%n",
                raw1[0], raw8[0], raw1[1]));
        md.append(String.format("| stream lag: POST /transactions answered -> GET /statements/{month} counts it, %d charges one"
                + " at a time: p50 / p99 / max | %.0f ms / %.0f ms / %.0f ms |%n", streamLag.length, pct(streamLag, 0.50),
                pct(streamLag, 0.99), pct(streamLag, 1.0)));
        md.append(String.format("| order confirmed: POST /orders answered (PENDING) -> GET /orders/{id} CONFIRMED, %d orders one"
                + " at a time: p50 / p99 / max | %.0f ms / %.0f ms / %.0f ms |%n", orderLag.length, pct(orderLag, 0.50),
                pct(orderLag, 0.99), pct(orderLag, 1.0)));
        md.append(targets(startup, p50, throughput.get(8)[0], raw1, raw8, orderLag));
        return md.toString();
    }

    /** The targets of issues 13 (local runtime) and 10 (order confirmation), met or the distance. */
    private static String targets(Startup startup, double p50, double at8, double[] raw1, double[] raw8, long[] orderLag) {
        StringBuilder md = new StringBuilder(String.format("%nAgainst the targets on this run:%n"));
        md.append(String.format("- a placed order CONFIRMED within 2 s (issue 10): %s (p99 %.0f ms, max %.0f ms)%n",
                pct(orderLag, 1.0) <= 2_000 ? "met for every order" : "not met", pct(orderLag, 0.99), pct(orderLag, 1.0)));
        md.append(String.format("- every stack serving within 4 s of launch (issue 13): %s (%.1f s to every /health answering 200)%n",
                startup.servingMs() <= 4_000 ? "met" : "not met", startup.servingMs() / 1000.0));
        md.append(String.format("- warm GET p50 within 0.8 ms (issue 13): %s (%.2f ms, %.1fx the target; DynamoDB Local's bare"
                + " GetItem over its port alone: %.2f ms)%n", p50 <= 0.8 ? "met" : "not met", p50, p50 / 0.8, raw1[1]));
        md.append(String.format("- at least 5,000 authorised GET/s at concurrency 8 (issue 13): %s (%,.0f req/s, %.0f%% of the"
                + " target; DynamoDB Local's bare GetItem over its port alone: %,.0f req/s at concurrency 8)%n",
                at8 >= 5_000 ? "met" : "not met", at8, 100 * at8 / 5_000, raw8[0]));
        return md.toString();
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

    static double pct(long[] sortedNanos, double p) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.round(p * (sortedNanos.length - 1)));
        return sortedNanos[i] / 1_000_000.0;
    }

    private static int status(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static String token(String tokenUrl, String clientId, String secret, String scope) throws Exception {
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

    /** GET {@code url} with the bearer token; anything but 200 stops the benchmark. */
    static JsonNode get(URI url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode post(URI url, String token, String body, int expected) throws Exception {
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
