package io.atrium.authz.dto;

/** A tenant as the API shows it. */
public record TenantResponse(String id, String name, String tier, String status, long version, String createdAt,
                             String updatedAt) {
}
