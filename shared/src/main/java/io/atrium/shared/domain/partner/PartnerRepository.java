package io.atrium.shared.domain.partner;

import io.atrium.shared.paging.Page;
import java.util.Map;
import java.util.Optional;

/** Partners of a tenant. Every method takes the tenant id; none accepts a storage key from a client. */
public interface PartnerRepository {

    /** Stores a new partner at version 1. */
    Partner create(Partner partner);

    Optional<Partner> find(String tenantId, String partnerId);

    /** Newest first; {@code startKey} comes from an opened page token, or is empty for the first page. */
    Page<Partner> list(String tenantId, Optional<PartnerStatus> status, int limit, Map<String, String> startKey);

    /**
     * Replaces the partner's details if its version is still {@code expectedVersion}.
     * @throws io.atrium.shared.error.NotFoundException when it does not exist for the tenant
     * @throws io.atrium.shared.error.PreconditionFailedException when the version moved on
     */
    Partner update(Partner partner, long expectedVersion);

    /**
     * Deletes the partner if its version is {@code expectedVersion} and it has no active contract.
     * @throws io.atrium.shared.error.ConflictException while it has an active contract
     */
    void delete(String tenantId, String partnerId, long expectedVersion);
}
