package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import io.atrium.local.lambda.LocalFunction;
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

    /** @param rawResourcePath the request path below the stage as sent (percent-encoded), for the method ARN */
    Outcome authorize(Authorizer authorizer, HttpRequest request, ProxyEvent event, String rawResourcePath,
            String requestId) {
        String methodArn = stage.methodArn(event.httpMethod(), rawResourcePath);
        IdentitySources.Identity identity = IdentitySources.of(authorizer, request, event, stage.variables());
        if (identity == null) {
            return new Refused(GatewayError.UNAUTHORIZED);
        }
        long started = System.nanoTime();
        String cacheKey = identity.cacheKey() == null ? null : authorizer.name() + "\u0000" + identity.cacheKey();
        AuthorizerResult result = cached(authorizer, cacheKey);
        if (result == null) {
            Object authEvent = authorizer.token()
                    ? new ProxyEvent.TokenAuthorizerEvent("TOKEN", methodArn, identity.token())
                    : event.forRequestAuthorizer(methodArn);
            LocalFunction.Result r = authorizer.function().invoke(authEvent, requestId, timeoutMs);
            if (!r.ok() && !r.timedOut() && "Unauthorized".equals(r.errorMessage())) {
                return new Refused(GatewayError.UNAUTHORIZED);
            }
            result = r.ok() ? AuthorizerResult.parse(r.output()) : null;
            if (result == null) {
                System.err.printf("%s %s: authorizer %s failed: %s%n", stage.stack(), requestId, authorizer.name(),
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
