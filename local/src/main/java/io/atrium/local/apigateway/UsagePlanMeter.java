package io.atrium.local.apigateway;

import io.atrium.local.http.HttpRequest;
import io.atrium.local.usage.UsagePlans;

/**
 * API Gateway's usage plan step, after the authorizer, for methods that require an API key: the key comes from
 * {@code x-api-key} ({@code ApiKeySourceType: HEADER}) or from the authorizer's {@code usageIdentifierKey}
 * ({@code AUTHORIZER}); no key in a plan of the stage is 403, over the plan's rate 429 "Too Many Requests", over
 * its quota 429 "Limit Exceeded", both with {@code Retry-After}.
 */
public record UsagePlanMeter(UsagePlans plans, String keySource) {

    boolean keyFromAuthorizer() {
        return "AUTHORIZER".equals(keySource);
    }

    /** The gateway's refusal, or null when the call may go on. */
    GatewayError meter(Stage stage, HttpRequest request, AuthorizerResult authorizer) {
        String key = keyFromAuthorizer() ? (authorizer == null ? null : authorizer.usageIdentifierKey())
                : request.header("x-api-key");
        UsagePlans.Decision decision = plans.consume(stage.apiId(), stage.name(), key);
        return switch (decision.outcome()) {
            case ALLOWED -> null;
            case FORBIDDEN -> GatewayError.INVALID_API_KEY;
            case THROTTLED -> GatewayError.throttled(decision.retryAfterSeconds());
            case QUOTA_EXCEEDED -> GatewayError.quotaExceeded(decision.retryAfterSeconds());
        };
    }
}
