package io.atrium.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.usage.UsagePlans;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One API Gateway REST API stage served locally: routes requests under {@code /{stage}} to functions with
 * the REST proxy event API Gateway builds, runs Lambda authorizers first, answers CORS preflights as SAM's
 * generated OPTIONS methods do, and maps the function's answer back to HTTP as API Gateway does.
 */
public final class RestApi implements Function<HttpRequest, HttpResponse> {

    /** API Gateway's integration timeout. */
    static final long INTEGRATION_TIMEOUT_MS = 29_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern STATUS_CODE = Pattern.compile("\\d{3}");
    private static final java.util.Set<String> PROXY_RESPONSE_FIELDS =
            java.util.Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH);

    private final String stack;
    private final String logicalId;
    private final String apiId;
    private final String stage;
    private final String region;
    private final String accountId;
    private final RouteTable routes;
    private final Cors cors;
    /** {@code BinaryMediaTypes}, compiled once ({@code *} matches anything, case-insensitive). */
    private final List<Pattern> binaryMediaTypes;
    private final Map<String, String> stageVariables;
    private final Authorizer preflightAuthorizer;
    private final Map<String, CachedPolicy> authorizerCache = new ConcurrentHashMap<>();
    private volatile UsagePlans usagePlans;
    private volatile String apiKeySource = "HEADER";
    private volatile int port;

    private record CachedPolicy(AuthorizerResult result, long expiresAtMillis) {
    }

    /** What an authorizer said: principal, policy statements, context and the API key that meters the caller. */
    record AuthorizerResult(String principalId, JsonNode policy, Map<String, Object> context, String usageIdentifierKey) {
    }

    /**
     * @param preflightAuthorizer the default authorizer when SAM adds it to CORS preflights
     *                            ({@code AddDefaultAuthorizerToCorsPreflight}), else null
     */
    public RestApi(String stack, String logicalId, String apiId, String stage, String region, String accountId,
            RouteTable routes, Cors cors, List<String> binaryMediaTypes, Map<String, String> stageVariables,
            Authorizer preflightAuthorizer) {
        this.stack = stack;
        this.logicalId = logicalId;
        this.apiId = apiId;
        this.stage = stage;
        this.region = region;
        this.accountId = accountId;
        this.routes = routes;
        this.cors = cors;
        this.binaryMediaTypes = binaryMediaTypes.stream()
                .map(t -> Pattern.compile(Pattern.quote(t.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q")))
                .toList();
        this.stageVariables = Map.copyOf(stageVariables);
        this.preflightAuthorizer = preflightAuthorizer;
    }

    public String stack() {
        return stack;
    }

    public String logicalId() {
        return logicalId;
    }

    public String apiId() {
        return apiId;
    }

    public String stage() {
        return stage;
    }

    public RouteTable routes() {
        return routes;
    }

    /**
     * The account's usage plans, applied to routes that require an API key, and where the key comes from:
     * {@code HEADER} ({@code x-api-key}) or {@code AUTHORIZER} (the authorizer's {@code usageIdentifierKey}).
     */
    public void usagePlans(UsagePlans plans, String keySource) {
        this.usagePlans = plans;
        this.apiKeySource = keySource;
    }

    /** Tells the API its port, for the Host-less parts of the event (domainName). */
    public void port(int port) {
        this.port = port;
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        String rawPath = request.rawPath();
        String prefix = "/" + stage;
        if (!(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            return gatewayError(403, "Forbidden", "ForbiddenException", requestId);
        }
        String rawResourcePath = rawPath.length() == prefix.length() ? "/" : rawPath.substring(prefix.length());
        RouteTable.Match match = routes.match(rawResourcePath);
        String method = request.method().toUpperCase(Locale.ROOT);
        if (match == null) {
            return gatewayError(403, "Missing Authentication Token", "MissingAuthenticationTokenException", requestId);
        }
        Route route = match.resource().route(method);
        if (route == null && method.equals("OPTIONS") && cors != null) {
            return preflight(request, match, requestId);
        }
        if (route == null) {
            return gatewayError(403, "Missing Authentication Token", "MissingAuthenticationTokenException", requestId);
        }
        Map<String, Object> event = proxyEvent(request, match, route.resourcePath(), method, requestId);
        if (route.authorizer() != null) {
            HttpResponse refused = authorize(route.authorizer(), request, event, method, rawResourcePath, requestId);
            if (refused != null) {
                return refused;
            }
        }
        if (route.apiKeyRequired() && usagePlans != null) {
            HttpResponse limited = meter(request, event, requestId);
            if (limited != null) {
                return limited;
            }
        }
        LocalFunction.Result result = route.function().invoke(event, requestId, INTEGRATION_TIMEOUT_MS);
        if (result.timedOut()) {
            return gatewayError(504, "Endpoint request timed out", "IntegrationTimeoutException", requestId);
        }
        if (!result.ok()) {
            return gatewayError(502, "Internal server error", null, requestId);
        }
        return proxyResponse(result.output(), request, route, requestId);
    }

    // ---------------------------------------------------------------- the event

    private Map<String, Object> proxyEvent(HttpRequest request, RouteTable.Match match, String resourcePath,
            String method, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            headers.put(h.getKey(), h.getValue());
            multiHeaders.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        String sourceIp = request.remote() == null ? "127.0.0.1" : request.remote().getAddress().getHostAddress();
        addForwarded(headers, multiHeaders, "X-Forwarded-For", sourceIp);
        addForwarded(headers, multiHeaders, "X-Forwarded-Proto", "http");
        addForwarded(headers, multiHeaders, "X-Forwarded-Port", Integer.toString(port));
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            for (String pair : request.rawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.put(k, v);
                multiQuery.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        String path = decodePath(request.rawPath().substring(stage.length() + 1));
        if (path.isEmpty()) {
            path = "/";
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String k : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey")) {
            identity.put(k, null);
        }
        identity.put("sourceIp", sourceIp);
        identity.put("principalOrgId", null);
        identity.put("cognitoAuthenticationType", null);
        identity.put("cognitoAuthenticationProvider", null);
        identity.put("userArn", null);
        identity.put("userAgent", request.header("User-Agent"));
        identity.put("user", null);
        long now = System.currentTimeMillis();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("resourceId", Integer.toHexString(resourcePath.hashCode()));
        context.put("resourcePath", resourcePath);
        context.put("httpMethod", method);
        context.put("extendedRequestId", requestId.substring(0, 8) + "=");
        context.put("requestTime", ZonedDateTime.now(ZoneOffset.UTC).format(REQUEST_TIME));
        context.put("path", "/" + stage + (path.equals("/") ? "/" : path));
        context.put("accountId", accountId);
        context.put("protocol", "HTTP/1.1");
        context.put("stage", stage);
        context.put("domainPrefix", "127");
        context.put("requestTimeEpoch", now);
        context.put("requestId", requestId);
        context.put("identity", identity);
        context.put("domainName", "127.0.0.1:" + port);
        context.put("apiId", apiId);
        byte[] body = request.body();
        boolean binary = body.length > 0 && isBinary(request.header("Content-Type"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", resourcePath);
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("headers", headers.isEmpty() ? null : headers);
        event.put("multiValueHeaders", multiHeaders.isEmpty() ? null : multiHeaders);
        event.put("queryStringParameters", query.isEmpty() ? null : query);
        event.put("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multiQuery);
        event.put("pathParameters", match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()));
        event.put("stageVariables", stageVariables.isEmpty() ? null : new LinkedHashMap<>(stageVariables));
        event.put("requestContext", context);
        event.put("body", body.length == 0 ? null
                : binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", binary);
        return event;
    }

    private static void addForwarded(Map<String, String> headers, Map<String, List<String>> multi, String name,
            String value) {
        for (String existing : headers.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                if (name.equals("X-Forwarded-For")) {
                    String joined = headers.get(existing) + ", " + value;
                    headers.put(existing, joined);
                    multi.put(existing, new ArrayList<>(List.of(joined)));
                }
                return;
            }
        }
        headers.put(name, value);
        multi.put(name, new ArrayList<>(List.of(value)));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String decodePath(String s) {
        return decode(s.replace("+", "%2B"));
    }

    boolean isBinary(String contentType) {
        if (contentType == null || binaryMediaTypes.isEmpty()) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Pattern pattern : binaryMediaTypes) {
            if (pattern.matcher(type).matches()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the response

    private HttpResponse proxyResponse(JsonNode output, HttpRequest request, Route route, String requestId) {
        String problem = malformed(output);
        if (problem != null) {
            System.err.printf("%s %s %s: Execution failed due to configuration error: Malformed Lambda proxy response"
                    + " (%s)%n", stack, requestId, route.function().name(), problem);
            return gatewayError(502, "Internal server error", null, requestId);
        }
        int status = output.get("statusCode").asInt();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode multi = output.get("multiValueHeaders");
        JsonNode single = output.get("headers");
        java.util.Set<String> fromMulti = new java.util.HashSet<>();
        if (multi != null && multi.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                fromMulti.add(e.getKey().toLowerCase(Locale.ROOT));
                for (JsonNode v : e.getValue()) {
                    headers.add(Map.entry(e.getKey(), v.asText()));
                }
            }
        }
        if (single != null && single.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull() && !fromMulti.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    headers.add(Map.entry(e.getKey(), e.getValue().asText()));
                }
            }
        }
        boolean hasContentType = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"));
        if (!hasContentType) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        headers.add(Map.entry("x-amz-apigw-id", requestId.substring(0, 8) + "="));
        JsonNode bodyNode = output.get("body");
        String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();
        JsonNode b64 = output.get("isBase64Encoded");
        byte[] bytes;
        if (b64 != null && b64.asBoolean() && binaryResponse(request, headers)) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                System.err.printf("%s %s: isBase64Encoded is true but the body is not base64%n", stack, requestId);
                return gatewayError(502, "Internal server error", null, requestId);
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpResponse(status, headers, bytes);
    }

    private boolean binaryResponse(HttpRequest request, List<Map.Entry<String, String>> headers) {
        String accept = request.header("Accept");
        if (accept != null && isBinary(accept.split(",")[0])) {
            return true;
        }
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Content-Type") && isBinary(h.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Why API Gateway would call this a malformed Lambda proxy response, or null when it is fine. */
    static String malformed(JsonNode output) {
        if (output == null || !output.isObject()) {
            return "the output is not a JSON object: " + (output == null ? "null" : output.getNodeType());
        }
        for (Iterator<String> it = output.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!PROXY_RESPONSE_FIELDS.contains(k)) {
                return "unexpected field '" + k + "'";
            }
        }
        JsonNode status = output.get("statusCode");
        if (status == null || status.isNull()) {
            return "no statusCode";
        }
        if (!(status.isInt() || status.isTextual() && STATUS_CODE.matcher(status.asText()).matches())) {
            return "statusCode is not an integer: " + status;
        }
        int code = status.asInt();
        if (code < 100 || code > 599) {
            return "statusCode out of range: " + code;
        }
        JsonNode body = output.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return "body is not a string";
        }
        JsonNode headers = output.get("headers");
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject()) {
                return "headers is not an object";
            }
            for (JsonNode v : headers) {
                if (!v.isValueNode()) {
                    return "a header value is not a string";
                }
            }
        }
        JsonNode multi = output.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                return "multiValueHeaders is not an object";
            }
            for (JsonNode v : multi) {
                if (!v.isNull() && !v.isArray()) {
                    return "a multiValueHeaders value is not a list";
                }
            }
        }
        JsonNode b64 = output.get("isBase64Encoded");
        if (b64 != null && !b64.isNull() && !b64.isBoolean()) {
            return "isBase64Encoded is not a boolean";
        }
        return null;
    }

    static HttpResponse gatewayError(int status, String message, String errorType, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        if (errorType != null) {
            headers.add(Map.entry("x-amzn-ErrorType", errorType));
        }
        String json = message == null ? "{\"message\":null}" : "{\"message\":\"" + message + "\"}";
        return new HttpResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse preflight(HttpRequest request, RouteTable.Match match, String requestId) {
        if (preflightAuthorizer != null) {
            Map<String, Object> event = proxyEvent(request, match, match.resource().path(), "OPTIONS", requestId);
            String rawResourcePath = request.rawPath().substring(stage.length() + 1);
            HttpResponse refused = authorize(preflightAuthorizer, request, event, "OPTIONS", rawResourcePath, requestId);
            if (refused != null) {
                return refused;
            }
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        if (cors.allowHeaders() != null) {
            headers.add(Map.entry("Access-Control-Allow-Headers", cors.allowHeaders()));
        }
        headers.add(Map.entry("Access-Control-Allow-Methods",
                cors.allowMethods() != null ? cors.allowMethods() : match.resource().allowedMethods()));
        if (cors.allowOrigin() != null) {
            headers.add(Map.entry("Access-Control-Allow-Origin", cors.allowOrigin()));
        }
        if (cors.maxAge() != null) {
            headers.add(Map.entry("Access-Control-Max-Age", cors.maxAge()));
        }
        if (cors.allowCredentials()) {
            headers.add(Map.entry("Access-Control-Allow-Credentials", "true"));
        }
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        return new HttpResponse(200, headers, new byte[0]);
    }

    // ---------------------------------------------------------------- authorizers

    private HttpResponse authorize(Authorizer authorizer, HttpRequest request, Map<String, Object> event, String method,
            String rawResourcePath, String requestId) {
        String methodArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + method
                + (rawResourcePath.startsWith("/") ? rawResourcePath : "/" + rawResourcePath);
        String cacheKey;
        Map<String, Object> authEvent = new LinkedHashMap<>();
        if (authorizer.token()) {
            String token = request.header(authorizer.header());
            if (token == null || token.isEmpty()) {
                return gatewayError(401, "Unauthorized", "UnauthorizedException", requestId);
            }
            if (authorizer.validationExpression() != null && !authorizer.validationExpression().matcher(token).matches()) {
                return gatewayError(401, "Unauthorized", "UnauthorizedException", requestId);
            }
            authEvent.put("type", "TOKEN");
            authEvent.put("methodArn", methodArn);
            authEvent.put("authorizationToken", token);
            cacheKey = token;
        } else {
            StringBuilder key = new StringBuilder();
            boolean any = false;
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) event.get("headers");
            @SuppressWarnings("unchecked")
            Map<String, String> query = (Map<String, String>) event.get("queryStringParameters");
            for (String h : authorizer.headers()) {
                String v = request.header(h);
                if (v == null || v.isEmpty()) {
                    if (authorizer.ttlSeconds() > 0) {
                        return gatewayError(401, "Unauthorized", "UnauthorizedException", requestId);
                    }
                } else {
                    any = true;
                }
                key.append("h:").append(h.toLowerCase(Locale.ROOT)).append('=').append(v).append('\n');
            }
            for (String q : authorizer.queryStrings()) {
                String v = query == null ? null : query.get(q);
                if ((v == null || v.isEmpty()) && authorizer.ttlSeconds() > 0) {
                    return gatewayError(401, "Unauthorized", "UnauthorizedException", requestId);
                }
                any |= v != null;
                key.append("q:").append(q).append('=').append(v).append('\n');
            }
            for (String s : authorizer.stageVariables()) {
                key.append("s:").append(s).append('=').append(stageVariables.get(s)).append('\n');
            }
            cacheKey = any || !authorizer.headers().isEmpty() || !authorizer.queryStrings().isEmpty() ? key.toString() : null;
            authEvent.put("type", "REQUEST");
            authEvent.put("methodArn", methodArn);
            for (Map.Entry<String, Object> e : event.entrySet()) {
                if (!e.getKey().equals("body") && !e.getKey().equals("isBase64Encoded")) {
                    authEvent.put(e.getKey(), e.getValue());
                }
            }
        }
        long now = System.currentTimeMillis();
        String fullKey = authorizer.name() + "\u0000" + cacheKey;
        AuthorizerResult result = null;
        if (authorizer.ttlSeconds() > 0 && cacheKey != null) {
            CachedPolicy cached = authorizerCache.get(fullKey);
            if (cached != null && cached.expiresAtMillis() > now) {
                result = cached.result();
            }
        }
        long started = System.nanoTime();
        if (result == null) {
            LocalFunction.Result r = authorizer.function().invoke(authEvent, requestId, INTEGRATION_TIMEOUT_MS);
            if (!r.ok()) {
                if (!r.timedOut() && "Unauthorized".equals(r.errorMessage())) {
                    return gatewayError(401, "Unauthorized", "UnauthorizedException", requestId);
                }
                System.err.printf("%s %s: authorizer %s failed: %s%n", stack, requestId, authorizer.name(),
                        r.timedOut() ? "timed out" : r.errorType() + ": " + r.errorMessage());
                return gatewayError(500, null, "AuthorizerConfigurationException", requestId);
            }
            result = parseAuthorizerOutput(r.output());
            if (result == null) {
                System.err.printf("%s %s: authorizer %s returned no principalId/policyDocument: %s%n", stack, requestId,
                        authorizer.name(), r.output());
                return gatewayError(500, null, "AuthorizerConfigurationException", requestId);
            }
            if (authorizer.ttlSeconds() > 0 && cacheKey != null) {
                authorizerCache.put(fullKey, new CachedPolicy(result, now + authorizer.ttlSeconds() * 1000L));
            }
        }
        if (!PolicyEvaluator.allows(result.policy(), methodArn)) {
            return gatewayError(403, "User is not authorized to access this resource", "AccessDeniedException", requestId);
        }
        Map<String, Object> authContext = new LinkedHashMap<>();
        authContext.put("principalId", result.principalId());
        authContext.put("integrationLatency", (System.nanoTime() - started) / 1_000_000);
        for (Map.Entry<String, Object> e : result.context().entrySet()) {
            authContext.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
        requestContext.put("authorizer", authContext);
        if ("AUTHORIZER".equals(apiKeySource) && result.usageIdentifierKey() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> identity = (Map<String, Object>) requestContext.get("identity");
            identity.put("apiKey", result.usageIdentifierKey());
        }
        return null;
    }

    /**
     * API Gateway's usage plan step, after the authorizer: no key in a plan of this stage is 403, over the
     * plan's rate 429 "Too Many Requests", over its quota 429 "Limit Exceeded", both with Retry-After (the
     * stacks' GatewayResponses add it in AWS).
     */
    private HttpResponse meter(HttpRequest request, Map<String, Object> event, String requestId) {
        String key;
        if ("AUTHORIZER".equals(apiKeySource)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
            @SuppressWarnings("unchecked")
            Map<String, Object> identity = (Map<String, Object>) requestContext.get("identity");
            Object value = identity.get("apiKey");
            key = value == null ? null : value.toString();
        } else {
            key = request.header("x-api-key");
        }
        UsagePlans.Decision decision = usagePlans.consume(apiId, stage, key);
        return switch (decision.outcome()) {
            case ALLOWED -> null;
            case FORBIDDEN -> gatewayError(403, "Forbidden", "ForbiddenException", requestId);
            case THROTTLED -> withRetryAfter(gatewayError(429, "Too Many Requests", "TooManyRequestsException", requestId),
                    decision.retryAfterSeconds());
            case QUOTA_EXCEEDED -> withRetryAfter(gatewayError(429, "Limit Exceeded", "LimitExceededException", requestId),
                    decision.retryAfterSeconds());
        };
    }

    private static HttpResponse withRetryAfter(HttpResponse response, long seconds) {
        response.headers().add(Map.entry("Retry-After", Long.toString(seconds)));
        return response;
    }

    private static AuthorizerResult parseAuthorizerOutput(JsonNode output) {
        if (output == null || !output.isObject()) {
            return null;
        }
        JsonNode principal = output.get("principalId");
        JsonNode policy = output.get("policyDocument");
        if (principal == null || principal.isNull() || policy == null || !policy.isObject()) {
            return null;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        JsonNode ctx = output.get("context");
        if (ctx != null && ctx.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    return null; // API Gateway refuses nested context values
                }
                context.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        JsonNode usageKey = output.get("usageIdentifierKey");
        return new AuthorizerResult(principal.asText(), policy, context,
                usageKey == null || usageKey.isNull() ? null : usageKey.asText());
    }

    @Override
    public String toString() {
        return stack + "/" + logicalId + " (stage " + stage + ")";
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
