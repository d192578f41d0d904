package io.atrium.contract.handler;

import io.atrium.contract.dto.ContractResponse;
import io.atrium.contract.mapper.ContractMapper;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.ETags;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.domain.contract.Contract;

/**
 * A move of one contract to another state ({@code POST /contracts/{contractId}/...}) with If-Match (428 without,
 * 412 when stale, 409 from the wrong state); a repeat with the same Idempotency-Key gets the first answer.
 */
abstract class ContractTransitionHandler extends ApiHandler {
    /** The service's move, given the version the client last saw. */
    @FunctionalInterface
    interface Move {
        Contract apply(String tenantId, String contractId, long expectedVersion);
    }

    private final String operation;
    private final Move move;
    private final Idempotency idempotency;

    ContractTransitionHandler(String operation, Move move, Idempotency idempotency) {
        super("contract", operation, "contracts/write");
        this.operation = operation;
        this.move = move;
        this.idempotency = idempotency;
    }

    @Override
    protected final ApiResponse handle(ApiRequest request) {
        String contractId = request.pathId("contractId");
        long expected = ETags.expectedVersion(request.ifMatch().orElse(null));
        return idempotency.run(request, operation, false, () -> {
            Contract contract = move.apply(request.tenantId(), contractId, expected);
            return ApiResponse.resource(200, ContractMapper.toResponse(contract), contract.version());
        });
    }

    /** The success answer's record, whose JSON writer is built before the SnapStart snapshot (ADR 0016). */
    @Override
    protected Class<?> responseType() {
        return ContractResponse.class;
    }
}
