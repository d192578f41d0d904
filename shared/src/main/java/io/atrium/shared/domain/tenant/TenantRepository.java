package io.atrium.shared.domain.tenant;

import java.util.Optional;

/** Tenants and their OAuth2 clients (TenantTable). */
public interface TenantRepository {

    /**
     * Stores a new tenant at version 1 together with its first client, both or neither.
     * @throws io.atrium.shared.error.ConflictException when the tenant or client id exists already
     */
    void create(Tenant tenant, Client firstClient);

    Optional<Tenant> find(String tenantId);

    /**
     * Replaces tier and status if the tenant's version is still {@code expectedVersion}.
     * @throws io.atrium.shared.error.NotFoundException when there is no such tenant
     * @throws io.atrium.shared.error.PreconditionFailedException when the version moved on
     */
    Tenant update(Tenant tenant, long expectedVersion);

    /** The client if it belongs to this tenant (a strongly consistent read of its own key). */
    Optional<Client> findClient(String tenantId, String clientId);

    /** The client by its id alone (index byClient, eventually consistent): used when issuing tokens. */
    Optional<Client> findClientById(String clientId);
}
