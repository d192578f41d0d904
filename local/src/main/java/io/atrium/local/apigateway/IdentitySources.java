package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import java.util.Map;

/** An authorizer's identity sources read from a request: what is sent to a TOKEN authorizer and the cache key. */
final class IdentitySources {

    /**
     * @param token    the TOKEN authorizer's token (null for REQUEST)
     * @param cacheKey what the result is cached by, or null when it cannot be cached
     */
    record Identity(String token, String cacheKey) {
    }

    private IdentitySources() {
    }

    /** The identity, or null when a required source is missing or invalid (API Gateway answers 401 uncalled). */
    static Identity of(Authorizer authorizer, HttpRequest request, ProxyEvent event, Map<String, String> stageVariables) {
        return authorizer.token() ? token(authorizer, request) : request(authorizer, request, event, stageVariables);
    }

    private static Identity token(Authorizer authorizer, HttpRequest request) {
        String token = request.header(authorizer.header());
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (authorizer.validationExpression() != null && !authorizer.validationExpression().matcher(token).matches()) {
            return null;
        }
        return new Identity(token, token);
    }

    private static Identity request(Authorizer authorizer, HttpRequest request, ProxyEvent event,
            Map<String, String> stageVariables) {
        boolean cached = authorizer.ttlSeconds() > 0;
        StringBuilder key = new StringBuilder();
        boolean any = false;
        for (String h : authorizer.headers()) {
            String v = request.header(h);
            if (v == null || v.isEmpty()) {
                if (cached) {
                    return null;
                }
            } else {
                any = true;
            }
            key.append("h:").append(h.toLowerCase(java.util.Locale.ROOT)).append('=').append(v).append('\n');
        }
        Map<String, String> query = event.queryStringParameters();
        for (String q : authorizer.queryStrings()) {
            String v = query == null ? null : query.get(q);
            if ((v == null || v.isEmpty()) && cached) {
                return null;
            }
            any |= v != null;
            key.append("q:").append(q).append('=').append(v).append('\n');
        }
        for (String s : authorizer.stageVariables()) {
            key.append("s:").append(s).append('=').append(stageVariables.get(s)).append('\n');
        }
        boolean keyed = any || !authorizer.headers().isEmpty() || !authorizer.queryStrings().isEmpty();
        return new Identity(null, keyed ? key.toString() : null);
    }
}
