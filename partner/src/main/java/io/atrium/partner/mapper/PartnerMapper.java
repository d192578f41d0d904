package io.atrium.partner.mapper;

import io.atrium.partner.dto.CreatePartnerRequest;
import io.atrium.partner.dto.PartnerResponse;
import io.atrium.partner.dto.UpdatePartnerRequest;
import io.atrium.partner.service.PartnerDetails;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;

/** dto <-> domain for partners. */
public final class PartnerMapper {
    private PartnerMapper() {
    }

    public static PartnerDetails toDetails(CreatePartnerRequest request) {
        return new PartnerDetails(request.name().strip(), request.email().strip(), request.country(), blankToNull(request.taxId()), null);
    }

    public static PartnerDetails toDetails(UpdatePartnerRequest request) {
        return new PartnerDetails(request.name().strip(), request.email().strip(), request.country(), blankToNull(request.taxId()),
                request.status() == null ? null : PartnerStatus.valueOf(request.status()));
    }

    public static PartnerResponse toResponse(Partner partner) {
        return new PartnerResponse(partner.id(), partner.name(), partner.email(), partner.country(), partner.taxId(),
                partner.status().name(), partner.version(), partner.createdAt().toString(), partner.updatedAt().toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
