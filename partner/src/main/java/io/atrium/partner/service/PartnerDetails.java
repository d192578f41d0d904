package io.atrium.partner.service;

import io.atrium.shared.domain.partner.PartnerStatus;

/** What a client may decide about a partner; {@code status} null means "keep" (or ACTIVE on create). */
public record PartnerDetails(String name, String email, String country, String taxId, PartnerStatus status) {
}
