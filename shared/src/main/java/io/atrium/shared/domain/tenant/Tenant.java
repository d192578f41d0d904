package io.atrium.shared.domain.tenant;

import java.time.Instant;

/** A customer of the platform: every other record is scoped to one tenant id. */
public record Tenant(String id, String name, Tier tier, TenantStatus status, long version, Instant createdAt,
                     Instant updatedAt) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public Tenant with(Tier tier, TenantStatus status, Instant now) {
        return new Tenant(id, name, tier, status, version, createdAt, now);
    }
}
