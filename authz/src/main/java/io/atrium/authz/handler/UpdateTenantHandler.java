package io.atrium.authz.handler;

import io.atrium.authz.AuthzWiring;
import io.atrium.authz.dto.TenantResponse;
import io.atrium.authz.dto.UpdateTenantRequest;
import io.atrium.authz.mapper.TenantMapper;
import io.atrium.authz.service.TenantService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;

/** {@code PATCH /tenants/{tenantId}} (scope admin, If-Match): changes tier and/or status. */
public final class UpdateTenantHandler extends ApiHandler {
    private final TenantService service;

    public UpdateTenantHandler() {
        this(AuthzWiring.tenants());
    }

    public UpdateTenantHandler(TenantService service) {
        super("authz", "updateTenant", Scopes.ADMIN);
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String tenantId = request.pathId("tenantId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        UpdateTenantRequest body = request.body(UpdateTenantRequest.class);
        Tenant tenant = service.update(tenantId, TenantMapper.tier(body.tier()), TenantMapper.status(body.status()), expected);
        return ApiResponse.resource(200, TenantMapper.toResponse(tenant), tenant.version());
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return TenantResponse.class;
    }

    /** A valid body for an item no tenant has: read, validated, then the item looked up (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"tier\":\"premium\",\"status\":\"ACTIVE\"}";
    }
}
