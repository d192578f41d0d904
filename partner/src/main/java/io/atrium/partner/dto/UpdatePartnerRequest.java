package io.atrium.partner.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import java.util.Set;

/**
 * Body of {@code PUT /partners/{partnerId}}: replaces the details; an absent {@code taxId} removes it,
 * an absent {@code status} keeps the current one.
 */
public record UpdatePartnerRequest(String name, String email, String country, String taxId, String status)
        implements Validatable {
    @Override
    public void validate(Violations violations) {
        PartnerFields.validate(violations, name, email, country, taxId);
        if (status != null) {
            violations.oneOf("status", status, Set.of("ACTIVE", "SUSPENDED"));
        }
    }
}
