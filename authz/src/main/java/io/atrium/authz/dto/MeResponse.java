package io.atrium.authz.dto;

import java.util.List;

/** Answer of {@code GET /me}: the caller as the authorizer established it. */
public record MeResponse(String tenantId, String tier, List<String> scopes, String clientId) {
}
