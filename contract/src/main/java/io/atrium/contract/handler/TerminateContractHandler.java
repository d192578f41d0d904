package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.idempotency.Idempotency;

/** {@code POST /contracts/{contractId}/terminate} with If-Match (428 without, 412 when stale, 409 from the wrong state). */
public final class TerminateContractHandler extends ContractTransitionHandler {

    public TerminateContractHandler() {
        this(ContractWiring.service(), ContractWiring.idempotency());
    }

    public TerminateContractHandler(ContractService service, Idempotency idempotency) {
        super("terminateContract", service::terminate, idempotency);
    }
}
