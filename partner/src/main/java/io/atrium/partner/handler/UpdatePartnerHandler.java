package io.atrium.partner.handler;

import io.atrium.partner.PartnerWiring;
import io.atrium.partner.dto.PartnerResponse;
import io.atrium.partner.dto.UpdatePartnerRequest;
import io.atrium.partner.mapper.PartnerMapper;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.domain.partner.Partner;

/** {@code PUT /partners/{partnerId}} with If-Match (428 without, 412 when stale). */
public final class UpdatePartnerHandler extends ApiHandler {
    private final PartnerService service;

    public UpdatePartnerHandler() {
        this(PartnerWiring.service());
    }

    public UpdatePartnerHandler(PartnerService service) {
        super("partner", "updatePartner", "partners/write");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String partnerId = request.pathId("partnerId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        UpdatePartnerRequest body = request.body(UpdatePartnerRequest.class);
        Partner partner = service.update(request.tenantId(), partnerId, PartnerMapper.toDetails(body), expected);
        return ApiResponse.resource(200, PartnerMapper.toResponse(partner), partner.version());
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return PartnerResponse.class;
    }

    /** A valid body for an item no tenant has: read, validated, then the item looked up (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"name\":\"Priming AG\",\"email\":\"priming@example.com\",\"country\":\"CH\",\"status\":\"ACTIVE\"}";
    }
}
