package io.atrium.local.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * What an API client of the local system does before its first call, over HTTP as in AWS: take a token from the
 * local Cognito's token endpoint (client credentials), and onboard a tenant through the authz stack's
 * {@code POST /tenants} with the platform admin client. Needs the authz stack among the started templates.
 *
 * <pre>
 * ApiClients clients = new ApiClients(system);
 * String token = clients.token(clients.onboard("Acme", "premium"));
 * </pre>
 */
public final class ApiClients {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A tenant's first client, as onboarding returns it (the secret is shown only then). */
    public record TenantClient(String tenantId, String clientId, String clientSecret) {
    }

    private final URI tokenUrl;
    private final URI tenants;
    private final JsonNode admin;

    public ApiClients(LocalSystem system) {
        JsonNode endpoints = parse(system.runtime().endpointsJson());
        this.tokenUrl = URI.create(endpoints.get("tokenUrl").textValue());
        this.admin = endpoints.get("adminClient");
        this.tenants = URI.create(system.baseUrl("authz") + "/tenants");
    }

    /** A token for a client: every scope it may have when {@code scope} is null, else those asked for. */
    public String token(String clientId, String clientSecret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).get("access_token").textValue();
    }

    /** A token with every scope of the tenant's client. */
    public String token(TenantClient client) {
        return token(client.clientId(), client.clientSecret(), null);
    }

    /** A token of the platform admin client (scope {@code platform/admin}). */
    public String adminToken() {
        return token(admin.get("clientId").textValue(), admin.get("clientSecret").textValue(), null);
    }

    /** Onboards a tenant ({@code tier}: basic, standard or premium) through {@code POST /tenants}. */
    public TenantClient onboard(String name, String tier) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("name", name, "tier", tier));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(tenants)
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /tenants answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode created = parse(response.body());
        return new TenantClient(created.get("id").textValue(), created.get("clientId").textValue(), created.get("clientSecret").textValue());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
