package io.atrium.partner.dto;

import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;

/** Body of {@code POST /partners}: the only fields a client may set. */
public record CreatePartnerRequest(String name, String email, String country, String taxId) implements Validatable {
    @Override
    public void validate(Violations violations) {
        PartnerFields.validate(violations, name, email, country, taxId);
    }
}
