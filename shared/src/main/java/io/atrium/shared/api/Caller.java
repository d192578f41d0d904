package io.atrium.shared.api;

import io.atrium.shared.error.UnauthorizedException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the Lambda authorizer established it. The tenant id comes only from here,
 * never from a path, query or body.
 */
public record Caller(String tenantId, String tier, Set<String> scopes, String clientId) {

    public static Caller fromAuthorizerContext(Map<String, Object> authorizer) {
        if (authorizer == null) {
            throw new UnauthorizedException("The request carries no verified caller.");
        }
        String tenantId = text(authorizer.get("tenantId"));
        if (tenantId == null || !Ids.isValid(tenantId)) {
            throw new UnauthorizedException("The request carries no verified caller.");
        }
        String scopes = text(authorizer.get("scopes"));
        Set<String> scopeSet = scopes == null ? Set.of()
                : Arrays.stream(scopes.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String tier = text(authorizer.get("tier"));
        return new Caller(tenantId, tier == null ? "basic" : tier, scopeSet, text(authorizer.get("clientId")));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
