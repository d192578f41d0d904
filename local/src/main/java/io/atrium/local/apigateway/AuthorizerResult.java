package io.atrium.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Lambda authorizer answered: the principal, the IAM policy, the context (values as strings, as API Gateway
 * passes them on) and the API key that meters the caller ({@code usageIdentifierKey}).
 */
public record AuthorizerResult(String principalId, JsonNode policy, Map<String, String> context,
        String usageIdentifierKey) {

    /** The authorizer's output read as API Gateway reads it, or null when API Gateway would refuse it. */
    static AuthorizerResult parse(JsonNode output) {
        if (output == null || !output.isObject()) {
            return null;
        }
        JsonNode principal = output.get("principalId");
        JsonNode policy = output.get("policyDocument");
        if (principal == null || principal.isNull() || policy == null || !policy.isObject()) {
            return null;
        }
        Map<String, String> context = new LinkedHashMap<>();
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

    boolean allows(String methodArn) {
        return PolicyEvaluator.allows(policy, methodArn);
    }

    /** {@code requestContext.authorizer} as the function sees it. */
    Map<String, Object> requestContext(long latencyMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("principalId", principalId);
        out.put("integrationLatency", latencyMs);
        out.putAll(context);
        return out;
    }
}
