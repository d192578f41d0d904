package io.atrium.authz.handler;

import io.atrium.authz.mapper.TenantMapper;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;

/** {@code GET /me}: any verified caller sees its tenant id, tier, scopes and client id. */
public final class MeHandler extends ApiHandler {
    public MeHandler() {
        super("authz", "me", ANY_SCOPE);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, TenantMapper.toResponse(request.caller()));
    }
}
