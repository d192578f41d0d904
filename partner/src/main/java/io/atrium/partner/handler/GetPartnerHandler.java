package io.atrium.partner.handler;

import io.atrium.partner.PartnerWiring;
import io.atrium.partner.mapper.PartnerMapper;
import io.atrium.partner.service.PartnerService;
import io.atrium.partner.dto.PartnerResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.partner.Partner;

/** {@code GET /partners/{partnerId}}. */
public final class GetPartnerHandler extends ApiHandler {
    private final PartnerService service;

    public GetPartnerHandler() {
        this(PartnerWiring.service());
    }

    public GetPartnerHandler(PartnerService service) {
        super("partner", "getPartner", "partners/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Partner partner = service.get(request.tenantId(), request.pathId("partnerId"));
        return ApiResponse.resource(200, PartnerMapper.toResponse(partner), partner.version());
    }

    @Override
    protected Class<?> responseType() {
        return PartnerResponse.class;
    }
}
