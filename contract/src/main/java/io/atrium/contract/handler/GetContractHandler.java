package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.mapper.ContractMapper;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.domain.contract.Contract;

/** {@code GET /contracts/{contractId}}: the contract with its balance. */
public final class GetContractHandler extends ApiHandler {
    private final ContractService service;

    public GetContractHandler() {
        this(ContractWiring.service());
    }

    public GetContractHandler(ContractService service) {
        super("contract", "getContract", "contracts/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Contract contract = service.get(request.tenantId(), request.pathId("contractId"));
        return ApiResponse.resource(200, ContractMapper.toResponse(contract), contract.version());
    }
}
