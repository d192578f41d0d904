package io.atrium.authz.service;

import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** TenantRepository in memory, with the same rules as the DynamoDB one, for service and handler tests. */
public class InMemoryTenants implements TenantRepository {
    public final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    public final Map<String, Client> clients = new ConcurrentHashMap<>();
    public final AtomicInteger reads = new AtomicInteger();
    public volatile RuntimeException failCreate;

    @Override
    public void create(Tenant tenant, Client firstClient) {
        if (failCreate != null) {
            throw failCreate;
        }
        if (tenants.containsKey(tenant.id()) || clients.containsKey(firstClient.clientId())) {
            throw new ConflictException("exists");
        }
        tenants.put(tenant.id(), tenant);
        clients.put(firstClient.clientId(), firstClient);
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        reads.incrementAndGet();
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public Tenant update(Tenant tenant, long expectedVersion) {
        Tenant current = tenants.get(tenant.id());
        if (current == null) {
            throw new NotFoundException("No tenant with this id.");
        }
        if (current.version() != expectedVersion) {
            throw new PreconditionFailedException("stale");
        }
        Tenant next = new Tenant(tenant.id(), tenant.name(), tenant.tier(), tenant.status(), expectedVersion + 1,
                tenant.createdAt(), tenant.updatedAt());
        tenants.put(next.id(), next);
        return next;
    }

    @Override
    public Optional<Client> findClient(String tenantId, String clientId) {
        reads.incrementAndGet();
        return Optional.ofNullable(clients.get(clientId)).filter(c -> c.tenantId().equals(tenantId));
    }

    @Override
    public Optional<Client> findClientById(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }
}
