package io.atrium.authz.dto;

import java.util.List;

/** Answer of {@code POST /tenants}: the tenant and its first client; the only time the secret is shown. */
public record CreatedTenantResponse(String id, String name, String tier, String status, long version, String createdAt,
                                    String updatedAt, String clientId, String clientSecret, List<String> scopes) {
}
