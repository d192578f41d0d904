package io.atrium.partner.handler;

import io.atrium.partner.PartnerWiring;
import io.atrium.partner.mapper.PartnerMapper;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ListResponse;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.error.ValidationException;
import io.atrium.partner.dto.PartnerResponse;
import io.atrium.shared.paging.Listing;
import java.util.Optional;

/** {@code GET /partners?status=&limit=&nextToken=}: newest first. */
public final class ListPartnersHandler extends ApiHandler {
    private final PartnerService service;

    public ListPartnersHandler() {
        this(PartnerWiring.service());
    }

    public ListPartnersHandler(PartnerService service) {
        super("partner", "listPartners", "partners/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<PartnerStatus> status = request.query("status").map(ListPartnersHandler::status);
        Listing<PartnerResponse> page = service.list(request.tenantId(), status, request.limit(), request.nextToken())
                .map(PartnerMapper::toResponse);
        return ApiResponse.json(200, new ListResponse<>(page.items(), page.nextToken().orElse(null)));
    }

    private static PartnerStatus status(String value) {
        try {
            return PartnerStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "must be one of ACTIVE, SUSPENDED");
        }
    }
}
