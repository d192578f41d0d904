package io.atrium.local.apigateway;

import io.atrium.local.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway responses of one REST API, applied as API Gateway applies them to every answer it makes itself:
 * the response type's own customisation, else {@code DEFAULT_4XX}/{@code DEFAULT_5XX} by status class, else API
 * Gateway's default ({@code {"message": ...}} as JSON). A customised status code of a fallback changes the status
 * of every uncustomised type of its class, as in API Gateway.
 */
public final class GatewayResponses {

    static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

    private final Map<GatewayResponseType, GatewayResponse> responses;

    public GatewayResponses(Map<GatewayResponseType, GatewayResponse> responses) {
        this.responses = responses.isEmpty() ? Map.of() : new EnumMap<>(responses);
    }

    public static GatewayResponses none() {
        return new GatewayResponses(Map.of());
    }

    public Map<GatewayResponseType, GatewayResponse> responses() {
        return responses;
    }

    /** The HTTP answer for {@code error} in {@code context}. */
    HttpResponse render(GatewayError error, GatewayContext context) {
        GatewayResponse specific = responses.get(error.type());
        GatewayResponse fallback = responses.get(GatewayResponseType.fallbackFor(error.status()));
        GatewayResponse applied = specific != null ? specific : fallback;
        int status = error.status();
        if (specific != null && specific.statusCode() != null) {
            status = specific.statusCode();
        } else if (specific == null && fallback != null && fallback.statusCode() != null) {
            status = fallback.statusCode();
        }
        Map<String, String> templates = applied == null || applied.templates().isEmpty()
                ? Map.of("application/json", DEFAULT_TEMPLATE) : applied.templates();
        String contentType = templates.containsKey("application/json") ? "application/json"
                : templates.keySet().iterator().next();
        String body = GatewayResponse.render(templates.get(contentType), context, error);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", contentType));
        headers.add(Map.entry("x-amzn-RequestId", context.requestId()));
        if (error.errorType() != null) {
            headers.add(Map.entry("x-amzn-ErrorType", error.errorType()));
        }
        if (applied != null) {
            applied.headers().forEach((name, expression) -> {
                String value = GatewayResponse.headerValue(expression, context, error);
                if (value != null) {
                    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
                    headers.add(Map.entry(name, value));
                }
            });
        }
        if (error.retryAfter() > 0 && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Retry-After"))) {
            headers.add(Map.entry("Retry-After", Long.toString(error.retryAfter())));
        }
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
