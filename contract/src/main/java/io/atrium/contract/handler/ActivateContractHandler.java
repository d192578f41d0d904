package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.mapper.ContractMapper;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.api.Idempotency;
import io.atrium.shared.domain.contract.Contract;

/** {@code POST /contracts/{contractId}/activate} with If-Match (428 without, 412 when stale, 409 from the wrong state). */
public final class ActivateContractHandler extends ApiHandler {
    private final ContractService service;
    private final Idempotency idempotency;

    public ActivateContractHandler() {
        this(ContractWiring.service(), ContractWiring.idempotency());
    }

    public ActivateContractHandler(ContractService service, Idempotency idempotency) {
        super("contract", "activateContract", "contracts/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String contractId = request.pathId("contractId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        return idempotency.run(request, "activateContract", false, () -> {
            Contract contract = service.activate(request.tenantId(), contractId, expected);
            return ApiResponse.resource(200, ContractMapper.toResponse(contract), contract.version());
        });
    }
}
