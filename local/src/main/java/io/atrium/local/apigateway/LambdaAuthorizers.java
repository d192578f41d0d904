package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.observe.RequestTrace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an API's Lambda authorizers as API Gateway does: checks the identity sources (a missing one is 401 without
 * a call), calls the function with the TOKEN or REQUEST event, caches its answer for {@code ReauthorizeEvery}
 * seconds by identity, and checks the policy against the method ARN.
 */
final class LambdaAuthorizers {

    /** The authorizer's verdict: allowed with its result, or refused with the gateway's answer. */
    sealed interface Outcome permits Allowed, Refused {
    }

    record Allowed(AuthorizerResult result, long latencyMs) implements Outcome {
    }

    record Refused(GatewayError error) implements Outcome {
    }

    private record Cached(AuthorizerResult result, long expiresAtMillis) {
    }

    private final Stage stage;
    private final long timeoutMs;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizers(Stage stage, long timeoutMs) {
        this.stage = stage;
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param rawResourcePath the request path below the stage as sent (percent-encoded), for the method ARN
     * @param trace           the request's trace: the authorizer is a span in it (cache hit or miss), its function's
     *                        invocation a span inside
     */
    Outcome authorize(Authorizer authorizer, HttpRequest request, ProxyEvent event, String rawResourcePath,
            RequestTrace trace) {
        String spanId = RequestTrace.newId();
        long startMicros = RequestTrace.nowMicros();
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("authorizer", authorizer.name());
        Outcome outcome = decide(authorizer, request, event, rawResourcePath, trace, spanId, annotations);
        annotations.put("outcome", outcome instanceof Refused refused ? refused.error().type().name() : "ALLOW");
        trace.span(spanId, trace.rootId(), "Authorizer", startMicros, annotations);
        return outcome;
    }

    private Outcome decide(Authorizer authorizer, HttpRequest request, ProxyEvent event, String rawResourcePath,
            RequestTrace trace, String spanId, Map<String, Object> annotations) {
        String methodArn = stage.methodArn(event.httpMethod(), rawResourcePath);
        IdentitySources.Identity identity = IdentitySources.of(authorizer, request, event, stage.variables());
        if (identity == null) {
            return new Refused(GatewayError.UNAUTHORIZED);
        }
        long started = System.nanoTime();
        String cacheKey = identity.cacheKey() == null ? null : authorizer.name() + "\u0000" + identity.cacheKey();
        AuthorizerResult result = cached(authorizer, cacheKey);
        annotations.put("cache", result == null ? "miss" : "hit");
        if (result == null) {
            Object authEvent = authorizer.token()
                    ? new ProxyEvent.TokenAuthorizerEvent("TOKEN", methodArn, identity.token())
                    : event.forRequestAuthorizer(methodArn);
            LocalFunction.Result r = authorizer.function().invoke(authEvent, timeoutMs, trace, spanId);
            if (!r.ok() && !r.timedOut() && "Unauthorized".equals(r.errorMessage())) {
                return new Refused(GatewayError.UNAUTHORIZED);
            }
            result = r.ok() ? AuthorizerResult.parse(r.output()) : null;
            if (result == null) {
                System.err.printf("%s %s: authorizer %s failed: %s%n", stage.stack(), trace.requestId(), authorizer.name(),
                        r.timedOut() ? "timed out" : r.ok() ? "no principalId/policyDocument in " + r.output()
                                : r.errorType() + ": " + r.errorMessage());
                return new Refused(GatewayError.AUTHORIZER_CONFIGURATION_ERROR);
            }
            remember(authorizer, cacheKey, result);
        }
        if (!result.allows(methodArn)) {
            return new Refused(GatewayError.ACCESS_DENIED);
        }
        return new Allowed(result, (System.nanoTime() - started) / 1_000_000);
    }

    private AuthorizerResult cached(Authorizer authorizer, String key) {
        if (authorizer.ttlSeconds() <= 0 || key == null) {
            return null;
        }
        Cached c = cache.get(key);
        return c != null && c.expiresAtMillis() > System.currentTimeMillis() ? c.result() : null;
    }

    private void remember(Authorizer authorizer, String key, AuthorizerResult result) {
        if (authorizer.ttlSeconds() > 0 && key != null) {
            cache.put(key, new Cached(result, System.currentTimeMillis() + authorizer.ttlSeconds() * 1000L));
        }
    }
}
