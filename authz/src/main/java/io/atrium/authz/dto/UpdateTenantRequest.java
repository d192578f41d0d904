package io.atrium.authz.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import java.util.Set;

/** Body of {@code PATCH /tenants/{tenantId}}: tier and/or status; an absent field keeps its value. */
public record UpdateTenantRequest(String tier, String status) implements Validatable {
    @Override
    public void validate(Violations violations) {
        if (tier == null && status == null) {
            violations.add("body", "must change tier or status");
        }
        if (tier != null) {
            violations.oneOf("tier", tier, CreateTenantRequest.TIERS);
        }
        if (status != null) {
            violations.oneOf("status", status, Set.of("ACTIVE", "SUSPENDED"));
        }
    }
}
