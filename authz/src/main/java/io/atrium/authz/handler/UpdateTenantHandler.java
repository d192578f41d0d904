package io.atrium.authz.handler;

import io.atrium.authz.AuthzWiring;
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
}
