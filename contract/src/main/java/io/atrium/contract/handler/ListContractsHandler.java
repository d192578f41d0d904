package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.dto.ContractResponse;
import io.atrium.contract.mapper.ContractMapper;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.Ids;
import io.atrium.shared.api.ListResponse;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.paging.Listing;
import java.util.Optional;

/** {@code GET /contracts?partnerId=&status=&limit=&nextToken=}: newest first. */
public final class ListContractsHandler extends ApiHandler {
    private final ContractService service;

    public ListContractsHandler() {
        this(ContractWiring.service());
    }

    public ListContractsHandler(ContractService service) {
        super("contract", "listContracts", "contracts/read");
        this.service = service;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<String> partnerId = request.query("partnerId").map(id -> Ids.require("partnerId", id));
        Optional<ContractStatus> status = request.query("status").map(ListContractsHandler::status);
        Listing<ContractResponse> page = service.list(request.tenantId(), new ContractQuery(partnerId, status), request.limit(),
                request.nextToken()).map(ContractMapper::toResponse);
        return ApiResponse.json(200, new ListResponse<>(page.items(), page.nextToken().orElse(null)));
    }

    private static ContractStatus status(String value) {
        if (!ContractStatus.NAMES.contains(value)) {
            throw ValidationException.of("status", "must be one of ACTIVE, DRAFT, EXPIRED, TERMINATED");
        }
        return ContractStatus.valueOf(value);
    }
}
