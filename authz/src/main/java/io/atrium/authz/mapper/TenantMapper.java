package io.atrium.authz.mapper;

import io.atrium.authz.dto.CreatedTenantResponse;
import io.atrium.authz.dto.MeResponse;
import io.atrium.authz.dto.TenantResponse;
import io.atrium.authz.service.CreatedTenant;
import io.atrium.shared.api.Caller;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import java.util.Locale;

/** dto <-> domain for tenants. */
public final class TenantMapper {
    private TenantMapper() {
    }

    public static Tier tier(String wire) {
        return wire == null ? null : Tier.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public static TenantStatus status(String wire) {
        return wire == null ? null : TenantStatus.valueOf(wire);
    }

    public static TenantResponse toResponse(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.tier().wireName(), tenant.status().name(),
                tenant.version(), tenant.createdAt().toString(), tenant.updatedAt().toString());
    }

    public static CreatedTenantResponse toResponse(CreatedTenant created) {
        Tenant tenant = created.tenant();
        return new CreatedTenantResponse(tenant.id(), tenant.name(), tenant.tier().wireName(), tenant.status().name(),
                tenant.version(), tenant.createdAt().toString(), tenant.updatedAt().toString(),
                created.client().clientId(), created.clientSecret(), created.client().scopes());
    }

    public static MeResponse toResponse(Caller caller) {
        return new MeResponse(caller.tenantId(), caller.tier(), caller.scopes().stream().sorted().toList(), caller.clientId());
    }
}
