package io.atrium.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.atrium.local.auth.CognitoEmulator.AppClient;
import io.atrium.local.auth.CognitoEmulator.Pool;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.lambda.LocalFunction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /oauth2/token} as a Cognito domain answers the client-credentials grant: client id and secret
 * by HTTP Basic or form fields, optional {@code scope} (a subset of the client's allowed scopes; all of them
 * when absent), then the pool's pre-token-generation trigger (event version 3 only, as Cognito invokes no
 * other version for M2M tokens) with its claim and scope changes applied, and an RS256 access token with
 * Cognito's claims: sub, token_use, scope, auth_time, iss, exp, iat, version, jti, client_id.
 */
final class TokenEndpoint {
    /** Claims a trigger may not add, override or suppress (Cognito ignores such changes). */
    private static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "auth_time", "azp", "client_id", "exp",
            "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "scope", "sub", "token_use", "username",
            "version", "event_id", "cognito:username");

    private final CognitoEmulator cognito;

    TokenEndpoint(CognitoEmulator cognito) {
        this.cognito = cognito;
    }

    /** An OAuth2 error answer, thrown to leave a step early. */
    private static final class Refusal extends Exception {
        final int status;
        final String code;
        final String description;

        Refusal(int status, String code, String description) {
            super(code, null, false, false);
            this.status = status;
            this.code = code;
            this.description = description;
        }
    }

    /** A client's id and secret, from HTTP Basic or the form. */
    private record Credentials(String clientId, String secret) {
    }

    HttpResponse handle(HttpRequest request) {
        try {
            Map<String, String> form = form(request);
            Credentials credentials = credentials(request, form);
            String grant = form.get("grant_type");
            if (grant == null) {
                throw new Refusal(400, "invalid_request", "grant_type is required");
            }
            if (!grant.equals("client_credentials")) {
                throw new Refusal(400, "unsupported_grant_type", null);
            }
            AppClient client = authenticate(credentials);
            List<String> scopes = scopes(client, form.get("scope"));
            Pool pool = cognito.poolById(client.poolId);
            Map<String, Object> extra = new LinkedHashMap<>();
            if (pool.triggerArn != null && "V3_0".equals(pool.triggerVersion)) {
                String failure = runTrigger(pool, client, scopes, extra);
                if (failure != null) {
                    throw new Refusal(400, "invalid_request", failure);
                }
            }
            return tokenResponse(pool, client, scopes, extra);
        } catch (Refusal r) {
            return error(r.status, r.code, r.description);
        }
    }

    private static Map<String, String> form(HttpRequest request) throws Refusal {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new Refusal(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        try {
            return form(new String(request.body() == null ? new byte[0] : request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "invalid_request", "malformed form body");
        }
    }

    private static Credentials credentials(HttpRequest request, Map<String, String> form) throws Refusal {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Credentials(form.get("client_id"), form.get("client_secret"));
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new Refusal(401, "invalid_client", null);
            }
            return new Credentials(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Refusal(401, "invalid_client", null);
        }
    }

    private AppClient authenticate(Credentials credentials) throws Refusal {
        AppClient client = cognito.client(credentials.clientId());
        String secret = credentials.secret();
        if (client == null || client.secret == null || secret == null || !MessageDigest.isEqual(
                client.secret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(401, "invalid_client", null);
        }
        if (!client.oauthEnabled || !client.flows.contains("client_credentials")) {
            throw new Refusal(400, "unauthorized_client", null);
        }
        return client;
    }

    private static List<String> scopes(AppClient client, String requested) throws Refusal {
        List<String> scopes;
        if (requested == null || requested.isBlank()) {
            scopes = new ArrayList<>(client.scopes);
        } else {
            scopes = new ArrayList<>(new LinkedHashSet<>(List.of(requested.trim().split("\\s+"))));
            if (!client.allowedScopes().containsAll(scopes)) {
                throw new Refusal(400, "invalid_scope", null);
            }
        }
        if (scopes.isEmpty()) {
            throw new Refusal(400, "invalid_scope", null);
        }
        return scopes;
    }

    private HttpResponse tokenResponse(Pool pool, AppClient client, List<String> scopes, Map<String, Object> extra) {
        long now = System.currentTimeMillis() / 1000;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(client.clientId)
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now)
                .issuer(cognito.issuerUrl(pool.id))
                .expirationTime(new Date((now + client.accessTokenSeconds) * 1000))
                .issueTime(new Date(now * 1000))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.clientId);
        extra.forEach(claims::claim);
        String token = cognito.issuer().sign(claims.build());
        ObjectNode body = CognitoEmulator.JSON.createObjectNode();
        body.put("access_token", token);
        body.put("expires_in", client.accessTokenSeconds);
        body.put("token_type", "Bearer");
        HttpResponse response = HttpResponse.json(200, body.toString());
        response.headers().add(Map.entry("Cache-Control", "no-store"));
        response.headers().add(Map.entry("Pragma", "no-cache"));
        return response;
    }

    /** Runs the V3 trigger; returns why it failed, or null and fills {@code claims} / changes {@code scopes}. */
    private String runTrigger(Pool pool, AppClient client, List<String> scopes, Map<String, Object> claims) {
        LocalFunction fn = cognito.function(pool.triggerArn);
        if (fn == null) {
            return "PreTokenGeneration failed: no function " + pool.triggerArn;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "3");
        event.put("triggerSource", "TokenGeneration_ClientCredentials");
        event.put("region", cognito.region());
        event.put("userPoolId", pool.id);
        event.put("userName", null);
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("awsSdkVersion", "aws-sdk-unknown-unknown");
        caller.put("clientId", client.clientId);
        event.put("callerContext", caller);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", Map.of());
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("groupsToOverride", List.of());
        groups.put("iamRolesToOverride", List.of());
        groups.put("preferredRole", null);
        req.put("groupConfiguration", groups);
        req.put("scopes", List.copyOf(scopes));
        event.put("request", req);
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("claimsAndScopeOverrideDetails", null);
        event.put("response", resp);
        LocalFunction.Result result = fn.invoke(event, UUID.randomUUID().toString(), 5_000);
        if (!result.ok()) {
            return "PreTokenGeneration failed with error " + (result.timedOut() ? "timeout" : result.errorMessage()) + ".";
        }
        JsonNode access = result.output() == null ? null
                : result.output().path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
        if (access == null || access.isMissingNode() || access.isNull()) {
            return null;
        }
        JsonNode add = access.path("claimsToAddOrOverride");
        if (add.isObject()) {
            add.fields().forEachRemaining(e -> {
                if (!RESERVED.contains(e.getKey()) && !e.getKey().startsWith("cognito:")) {
                    claims.put(e.getKey(), plain(e.getValue()));
                }
            });
        }
        access.path("claimsToSuppress").forEach(n -> {
            if (!RESERVED.contains(n.asText())) {
                claims.remove(n.asText());
            }
        });
        access.path("scopesToSuppress").forEach(n -> scopes.remove(n.asText()));
        access.path("scopesToAdd").forEach(n -> {
            if (!scopes.contains(n.asText())) {
                scopes.add(n.asText());
            }
        });
        return null;
    }

    private static Object plain(JsonNode value) {
        return CognitoEmulator.JSON.convertValue(value, Object.class);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("repeated parameter " + key);
            }
        }
        return out;
    }

    static HttpResponse error(int status, String error, String description) {
        ObjectNode body = CognitoEmulator.JSON.createObjectNode();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        HttpResponse r = HttpResponse.json(status, body.toString());
        r.headers().add(Map.entry("Cache-Control", "no-store"));
        if (status == 401) {
            r.headers().add(Map.entry("WWW-Authenticate", "Basic realm=\"token\""));
        }
        return r;
    }
}
