package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/seed} and {@code scripts/smoke} as a user runs them against the local runtime (every stack):
 * the seed makes one tenant per tier with its partners, contracts, products and orders through the public APIs,
 * a second run makes nothing new, and the data is there exactly once; the smoke tests pass.
 */
@LocalSystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedAndSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ROOT = ProjectLayout.root();
    private static final String ALL_CREATED = "seed: created 3 tenants, 6 partners, 6 contracts, 9 products, 6 orders";
    private static final String NOTHING_CREATED = "seed: created 0 tenants, 0 partners, 0 contracts, 0 products, 0 orders";

    @TempDir
    static Path dir;
    private static Path endpoints;

    @BeforeAll
    static void writeEndpoints(LocalSystem system) throws IOException {
        endpoints = Files.writeString(dir.resolve("endpoints.json"), system.runtime().endpointsJson());
    }

    @Test
    @Order(1)
    void theFirstSeedCreatesOneTenantPerTierWithItsData() throws Exception {
        String out = run("scripts/seed", "--local", "--endpoints", endpoints.toString());

        assertTrue(out.contains(ALL_CREATED), out);
        JsonNode ledger = JSON.readTree(dir.resolve("seed.json").toFile());
        for (String tier : List.of("basic", "standard", "premium")) {
            JsonNode tenant = ledger.path("tenants").path(tier);
            assertTrue(out.contains(tenant.get("clientId").textValue()), "prints the client id of " + tier + ":\n" + out);
        }
    }

    @Test
    @Order(2)
    void aSecondSeedCreatesNothingAndEveryObjectExistsOnce(LocalSystem system) throws Exception {
        String out = run("scripts/seed", "--local", "--endpoints", endpoints.toString());

        assertTrue(out.contains(NOTHING_CREATED), out);
        assertTrue(out.contains("seed: kept 3 tenants, 6 partners, 6 contracts, 9 products, 6 orders"), out);
        JsonNode ledger = JSON.readTree(dir.resolve("seed.json").toFile());
        for (String tier : List.of("basic", "standard", "premium")) {
            JsonNode entry = ledger.path("tenants").path(tier);
            String token = token(system, entry.get("clientId").textValue(), entry.get("clientSecret").textValue());
            JsonNode me = get(system.baseUrl("authz"), "me", token);
            assertEquals(entry.get("tenantId").textValue(), me.get("tenantId").textValue());
            assertEquals(tier, me.get("tier").textValue());
            assertEquals(List.of("Globex", "Initech"), names(get(system.baseUrl("partner"), "partners", token), "name"));
            assertEquals(List.of("DEMO-GADGET", "DEMO-GIZMO", "DEMO-WIDGET"),
                    names(get(system.baseUrl("catalog"), "products", token), "sku"));
            assertEquals(List.of("ACTIVE", "DRAFT"), names(get(system.baseUrl("contract"), "contracts", token), "status"));
            assertEquals(2, get(system.baseUrl("order"), "orders", token).get("items").size());
        }
    }

    @Test
    @Order(3)
    void theSmokeTestsPassOnEveryStack() throws Exception {
        String out = run("scripts/smoke", "--local", "--endpoints", endpoints.toString());

        assertTrue(out.contains("smoke: every stack answered"), out);
        for (String stack : List.of("authz", "catalog", "contract", "order", "partner", "transaction")) {
            assertTrue(out.contains("smoke: " + stack + " GET /health"), out);
        }
    }

    /** Runs a script of the repository with python3 and returns its output; a non-zero exit fails the test. */
    private static String run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("python3"));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out;
        try (var in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + args);
        assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + out);
        return out;
    }

    private static String token(LocalSystem system, String clientId, String secret) throws Exception {
        URI tokenUrl = URI.create(JSON.readTree(system.runtime().endpointsJson()).get("tokenUrl").textValue());
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body()).get("access_token").textValue();
    }

    private static JsonNode get(URI base, String path, String token) throws Exception {
        URI url = URI.create(base.toString().replaceAll("/$", "") + "/" + path);
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return JSON.readTree(res.body());
    }

    private static List<String> names(JsonNode page, String field) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get(field).textValue()));
        out.sort(null);
        return out;
    }
}
