package io.atrium.authz.handler;

import io.atrium.authz.AuthzWiring;
import io.atrium.authz.dto.CreateTenantRequest;
import io.atrium.authz.dto.CreatedTenantResponse;
import io.atrium.authz.mapper.TenantMapper;
import io.atrium.authz.service.CreatedTenant;
import io.atrium.authz.service.TenantService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.tenant.Scopes;

/**
 * {@code POST /tenants} (scope admin): 201 with the tenant and its first client's id and secret. No
 * Idempotency-Key replay: it would have to store the client secret (ADR 0201).
 */
public final class CreateTenantHandler extends ApiHandler {
    private final TenantService service;

    public CreateTenantHandler() {
        this(AuthzWiring.onboarding());
    }

    public CreateTenantHandler(TenantService service) {
        super("authz", "createTenant", Scopes.ADMIN);
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        CreateTenantRequest body = request.body(CreateTenantRequest.class);
        CreatedTenant created = service.create(body.name().strip(), TenantMapper.tier(body.tier()));
        return ApiResponse.resource(201, TenantMapper.toResponse(created), created.tenant().version())
                .withHeader("Location", "/v1/tenants/" + created.tenant().id())
                .withHeader("Cache-Control", "no-store");
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return CreatedTenantResponse.class;
    }
}
