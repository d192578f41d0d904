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

/** {@code POST /contracts/{contractId}/terminate} with If-Match (428 without, 412 when stale, 409 from the wrong state). */
public final class TerminateContractHandler extends ApiHandler {
    private final ContractService service;
    private final Idempotency idempotency;

    public TerminateContractHandler() {
        this(ContractWiring.service(), ContractWiring.idempotency());
    }

    public TerminateContractHandler(ContractService service, Idempotency idempotency) {
        super("contract", "terminateContract", "contracts/write");
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String contractId = request.pathId("contractId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        return idempotency.run(request, "terminateContract", false, () -> {
            Contract contract = service.terminate(request.tenantId(), contractId, expected);
            return ApiResponse.resource(200, ContractMapper.toResponse(contract), contract.version());
        });
    }
}
