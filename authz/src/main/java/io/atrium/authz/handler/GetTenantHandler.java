package io.atrium.authz.handler;

import io.atrium.authz.AuthzWiring;
import io.atrium.authz.mapper.TenantMapper;
import io.atrium.authz.service.TenantService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;

/** {@code GET /tenants/{tenantId}} (scope admin). */
public final class GetTenantHandler extends ApiHandler {
    private final TenantService service;

    public GetTenantHandler() {
        this(AuthzWiring.tenants());
    }

    public GetTenantHandler(TenantService service) {
        super("authz", "getTenant", Scopes.ADMIN);
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Tenant tenant = service.get(request.pathId("tenantId"));
        return ApiResponse.resource(200, TenantMapper.toResponse(tenant), tenant.version());
    }
}
