package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link ProxyEvent} API Gateway would send for one request: headers as the client spelled them (plus
 * the {@code X-Forwarded-*} API Gateway adds), decoded query and path, the matched resource and its path
 * parameters, the stage variables, and the body (base64 for the Api's binary media types).
 */
final class ProxyEventBuilder {

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH);

    private ProxyEventBuilder() {
    }

    /** What the gateway knows once a route matched. */
    record Matched(HttpRequest request, RequestPath path, String resourcePath, String method,
            Map<String, String> pathParameters, String requestId) {
    }

    static ProxyEvent build(Stage stage, int port, Matched m) {
        HttpRequest request = m.request();
        String sourceIp = request.remote() == null ? "127.0.0.1" : request.remote().getAddress().getHostAddress();
        Headers headers = Headers.of(request, sourceIp, port);
        QueryString query = QueryString.parse(request.rawQuery());
        String path = m.path().decoded();
        ProxyEvent.RequestContext context = context(stage, port, m, path, sourceIp);
        byte[] body = request.body();
        boolean binary = body.length > 0 && stage.binaryMediaTypes().matches(request.header("Content-Type"));
        return new ProxyEvent(m.resourcePath(), path, m.method(), nullIfEmpty(headers.single()),
                nullIfEmpty(headers.multi()), nullIfEmpty(query.single()), nullIfEmpty(query.multi()),
                nullIfEmpty(m.pathParameters()), nullIfEmpty(stage.variables()), context,
                body.length == 0 ? null : binary ? Base64.getEncoder().encodeToString(body)
                        : new String(body, StandardCharsets.UTF_8),
                binary);
    }

    private static ProxyEvent.RequestContext context(Stage stage, int port, Matched m, String path, String sourceIp) {
        String requestId = m.requestId();
        return new ProxyEvent.RequestContext(Integer.toHexString(m.resourcePath().hashCode()), m.resourcePath(),
                m.method(), requestId.substring(0, 8) + "=", ZonedDateTime.now(ZoneOffset.UTC).format(REQUEST_TIME),
                "/" + stage.name() + (path.equals("/") ? "/" : path), stage.accountId(), "HTTP/1.1", stage.name(), "127",
                System.currentTimeMillis(), requestId, ProxyEvent.Identity.of(sourceIp, m.request().header("User-Agent")),
                "127.0.0.1:" + port, stage.apiId(), null);
    }

    private static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
        return map.isEmpty() ? null : new LinkedHashMap<>(map);
    }

    /** The request's headers as the event carries them: last value per name, and every value per name. */
    private record Headers(Map<String, String> single, Map<String, List<String>> multi) {

        static Headers of(HttpRequest request, String sourceIp, int port) {
            Map<String, String> single = new LinkedHashMap<>();
            Map<String, List<String>> multi = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : request.headers()) {
                single.put(h.getKey(), h.getValue());
                multi.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
            }
            Headers headers = new Headers(single, multi);
            headers.forwarded("X-Forwarded-For", sourceIp);
            headers.forwarded("X-Forwarded-Proto", "http");
            headers.forwarded("X-Forwarded-Port", Integer.toString(port));
            return headers;
        }

        /** API Gateway appends the source IP to a client's X-Forwarded-For and keeps the client's other values. */
        private void forwarded(String name, String value) {
            for (String existing : single.keySet()) {
                if (existing.equalsIgnoreCase(name)) {
                    if (name.equals("X-Forwarded-For")) {
                        String joined = single.get(existing) + ", " + value;
                        single.put(existing, joined);
                        multi.put(existing, new ArrayList<>(List.of(joined)));
                    }
                    return;
                }
            }
            single.put(name, value);
            multi.put(name, new ArrayList<>(List.of(value)));
        }
    }
}
