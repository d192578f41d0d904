package io.atrium.authz.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import java.util.Set;

/** Body of {@code POST /tenants}. */
public record CreateTenantRequest(String name, String tier) implements Validatable {
    static final Set<String> TIERS = Set.of("basic", "standard", "premium");

    @Override
    public void validate(Violations violations) {
        violations.text("name", name, 1, 200);
        violations.oneOf("tier", tier, TIERS);
    }
}
