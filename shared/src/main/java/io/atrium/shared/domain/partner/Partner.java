package io.atrium.shared.domain.partner;

import java.time.Instant;

/**
 * A business partner of one tenant. {@code activeContracts} is kept by the contract flow in the
 * same transaction as each activation or termination.
 */
public record Partner(
        String tenantId,
        String id,
        String name,
        String email,
        String country,
        String taxId,
        PartnerStatus status,
        long activeContracts,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Partner withDetails(String name, String email, String country, String taxId, PartnerStatus status, Instant now) {
        return new Partner(tenantId, id, name, email, country, taxId, status, activeContracts, version, createdAt, now);
    }
}
