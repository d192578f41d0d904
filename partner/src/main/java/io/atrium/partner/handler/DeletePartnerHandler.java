package io.atrium.partner.handler;

import io.atrium.partner.PartnerWiring;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;

/** {@code DELETE /partners/{partnerId}} with If-Match; 409 while the partner has an active contract. */
public final class DeletePartnerHandler extends ApiHandler {
    private final PartnerService service;

    public DeletePartnerHandler() {
        this(PartnerWiring.service());
    }

    public DeletePartnerHandler(PartnerService service) {
        super("partner", "deletePartner", "partners/write");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String partnerId = request.pathId("partnerId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        service.delete(request.tenantId(), partnerId, expected);
        return ApiResponse.noContent();
    }
}
