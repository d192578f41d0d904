package io.atrium.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.LocalRuntime;
import io.atrium.local.auth.CognitoEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's token helper: lists the clients allowed client credentials and gets one of them a token from the
 * local Cognito's token endpoint, exactly as an API client would (so the page can show a curl line that works).
 */
final class TokenHelper {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalRuntime runtime;

    TokenHelper(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    Map<String, Object> clients() {
        CognitoEmulator cognito = runtime.registry().cognito();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tokenUrl", cognito == null ? null : cognito.tokenUrl().toString());
        out.put("items", cognito == null ? java.util.List.of() : cognito.clientCredentialsClients());
        return out;
    }

    /** Body {@code {"clientId": ...}} -> {@code {"clientId", "accessToken", "expiresIn"}}. */
    Map<String, Object> token(byte[] body) {
        CognitoEmulator cognito = runtime.registry().cognito();
        String clientId;
        try {
            clientId = ConsoleServer.JSON.readTree(body).path("clientId").asText(null);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be {\"clientId\": \"...\"}");
        }
        String secret = cognito == null ? null : cognito.clientSecret(clientId).orElse(null);
        if (secret == null) {
            throw new IllegalArgumentException("no client " + clientId + " with a secret");
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(cognito.tokenUrl().toString()))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode token = ConsoleServer.JSON.readTree(answer.body());
            if (answer.statusCode() != 200) {
                throw new IllegalArgumentException("the token endpoint refused: " + token.path("error").asText(answer.body()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clientId", clientId);
            out.put("accessToken", token.path("access_token").asText());
            out.put("expiresIn", token.path("expires_in").asInt());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the local token endpoint did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
