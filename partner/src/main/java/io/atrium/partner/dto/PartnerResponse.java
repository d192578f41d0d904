package io.atrium.partner.dto;

/** A partner as the API shows it; no storage keys, no tenant internals. */
public record PartnerResponse(
        String id,
        String name,
        String email,
        String country,
        String taxId,
        String status,
        long version,
        String createdAt,
        String updatedAt) {
}
