package io.atrium.partner.handler;

import io.atrium.partner.PartnerWiring;
import io.atrium.partner.dto.CreatePartnerRequest;
import io.atrium.partner.mapper.PartnerMapper;
import io.atrium.partner.service.PartnerService;
import io.atrium.partner.dto.PartnerResponse;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.partner.Partner;

/** {@code POST /partners}: 201 with the new partner; repeatable with an Idempotency-Key. */
public final class CreatePartnerHandler extends ApiHandler {
    private final PartnerService service;
    private final Idempotency idempotency;

    public CreatePartnerHandler() {
        this(PartnerWiring.service(), PartnerWiring.idempotency());
    }

    public CreatePartnerHandler(PartnerService service, Idempotency idempotency) {
        super("partner", "createPartner", "partners/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return idempotency.run(request, "createPartner", false, () -> {
            CreatePartnerRequest body = request.body(CreatePartnerRequest.class);
            Partner partner = service.create(request.tenantId(), PartnerMapper.toDetails(body));
            return ApiResponse.resource(201, PartnerMapper.toResponse(partner), partner.version())
                    .withHeader("Location", "/v1/partners/" + partner.id());
        });
    }

    /** A valid body whose ids name nothing: read, validated and served up to DynamoDB (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"name\":\"Priming GmbH\",\"email\":\"billing@priming.example\",\"country\":\"DE\",\"taxId\":\"DE123456789\"}";
    }

    @Override
    protected Class<?> responseType() {
        return PartnerResponse.class;
    }
}
