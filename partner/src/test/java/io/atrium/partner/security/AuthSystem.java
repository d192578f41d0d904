package io.atrium.partner.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.LocalRuntime;
import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.junit.LocalSystemExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shared, authz and partner stacks running locally, and what a client does with them over HTTP: get a
 * token from the local Cognito, onboard a tenant through the tenant API, call the partner API. Also keeps
 * every line the functions print, so tests can look for security events.
 */
final class AuthSystem {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ConcurrentLinkedQueue<String> LOG_LINES = new ConcurrentLinkedQueue<>();

    /** One runtime for every security test class of this module. */
    static LocalSystemExtension extension() {
        return LocalSystemExtension.of("partner-security", () -> {
            captureStdout();
            return new LocalRuntime.Options().templates(List.of(Path.of("shared/template.yaml"),
                    Path.of("authz/template.yaml"), Path.of("partner/template.yaml")));
        });
    }

    /** A tenant's client as onboarding returns it. */
    record TenantClient(String tenantId, String clientId, String clientSecret) {
    }

    private final LocalRuntime runtime;

    AuthSystem(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    CognitoEmulator cognito() {
        return runtime.registry().cognito();
    }

    URI partners() {
        return URI.create(runtime.baseUrl("partner") + "/partners");
    }

    URI tenants() {
        return URI.create(runtime.baseUrl("authz") + "/tenants");
    }

    /** A token for a client (all its scopes, or {@code scope}). */
    String token(String clientId, String clientSecret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(cognito().tokenUrl())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).get("access_token").asText();
    }

    String adminToken() {
        Map<String, String> admin = cognito().adminClient().orElseThrow();
        return token(admin.get("clientId"), admin.get("clientSecret"), null);
    }

    /** Onboards a tenant through {@code POST /tenants} with the admin client. */
    TenantClient onboard(String name, String tier) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(tenants())
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\"}")).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /tenants answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode body = json(r);
        return new TenantClient(body.get("id").asText(), body.get("clientId").asText(), body.get("clientSecret").asText());
    }

    String token(TenantClient client) {
        return token(client.clientId(), client.clientSecret(), null);
    }

    static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Log lines printed since the runtime started that contain every one of {@code parts}. */
    static List<String> logLinesWith(String... parts) {
        List<String> out = new ArrayList<>();
        for (String line : LOG_LINES) {
            boolean all = true;
            for (String p : parts) {
                all &= line.contains(p);
            }
            if (all) {
                out.add(line);
            }
        }
        return out;
    }

    /** Functions print JSON lines to System.out; keep a copy of each (before any function loads). */
    private static synchronized void captureStdout() {
        if (System.out instanceof Tee) {
            return;
        }
        System.setOut(new Tee(System.out));
    }

    private static final class Tee extends PrintStream {
        Tee(PrintStream original) {
            super(new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    original.write(b);
                    if (b == '\n') {
                        LOG_LINES.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }, true, StandardCharsets.UTF_8);
        }
    }
}
