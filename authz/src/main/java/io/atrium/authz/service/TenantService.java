package io.atrium.authz.service;

import io.atrium.shared.aws.CallBudget;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Onboarding and administration of tenants; knows nothing of HTTP. */
public final class TenantService {
    private final TenantRepository tenants;
    private final AppClients appClients;
    private final Clock clock;
    private final JsonLog log = new JsonLog("authz");

    public TenantService(TenantRepository tenants, AppClients appClients, Clock clock) {
        this.tenants = tenants;
        this.appClients = appClients;
        this.clock = clock;
    }

    /**
     * Onboards a tenant: its app client in the identity provider first (it issues the id), then tenant and
     * client records in one transaction. If the records cannot be written the client is deleted again, so
     * no client exists without a tenant.
     */
    public CreatedTenant create(String name, Tier tier) {
        Instant now = now();
        String tenantId = OwnedIds.newTenantId();
        AppClients.IssuedClient issued = appClients.create(tenantId, Scopes.TENANT_SCOPES);
        Tenant tenant = new Tenant(tenantId, name, tier, TenantStatus.ACTIVE, 1, now, now);
        Client client = new Client(tenantId, issued.clientId(), "default", Scopes.TENANT_SCOPES, now);
        try {
            tenants.create(tenant, client);
        } catch (RuntimeException e) {
            try {
                CallBudget.settle(() -> appClients.delete(issued.clientId()));
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
                log.error(Map.of("operation", "createTenant", "tenantId", tenantId, "clientId", issued.clientId(),
                        "error", "orphaned app client could not be deleted"));
            }
            throw e;
        }
        return new CreatedTenant(tenant, client, issued.clientSecret());
    }

    public Tenant get(String tenantId) {
        return tenants.find(tenantId).orElseThrow(() -> NotFoundException.noSuch("tenant"));
    }

    /** Changes tier and/or status (null keeps the current value) if the caller saw the current version. */
    public Tenant update(String tenantId, Tier tier, TenantStatus status, long expectedVersion) {
        Tenant current = get(tenantId);
        Tenant changed = current.with(tier == null ? current.tier() : tier, status == null ? current.status() : status, now());
        return tenants.update(changed, expectedVersion);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
