package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.dto.ContractResponse;
import io.atrium.contract.dto.CreateContractRequest;
import io.atrium.contract.mapper.ContractMapper;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.contract.Contract;

/** {@code POST /contracts}: 201 with the new DRAFT contract; repeatable with an Idempotency-Key. */
public final class CreateContractHandler extends ApiHandler {
    private final ContractService service;
    private final Idempotency idempotency;

    public CreateContractHandler() {
        this(ContractWiring.service(), ContractWiring.idempotency());
    }

    public CreateContractHandler(ContractService service, Idempotency idempotency) {
        super("contract", "createContract", "contracts/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return idempotency.run(request, "createContract", false, () -> {
            CreateContractRequest body = request.body(CreateContractRequest.class);
            Contract contract = service.create(request.tenantId(), ContractMapper.toDetails(body));
            return ApiResponse.resource(201, ContractMapper.toResponse(contract), contract.version())
                    .withHeader("Location", "/v1/contracts/" + contract.id());
        });
    }

    /** A valid body whose ids name nothing: read, validated and served up to DynamoDB (ADR 0016). */
    @Override
    protected String primingBody() {
        return "{\"partnerId\":\"" + PRIMING_ID + "\",\"title\":\"Priming\",\"startDate\":\"2026-01-01\",\"endDate\":\"2099-12-31\",\"value\":{\"amount\":\"12000.00\",\"currency\":\"EUR\"}}";
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return ContractResponse.class;
    }
}
