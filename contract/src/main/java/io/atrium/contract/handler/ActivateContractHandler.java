package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.service.ContractService;
import io.atrium.shared.idempotency.Idempotency;

/** {@code POST /contracts/{contractId}/activate} with If-Match (428 without, 412 when stale, 409 from the wrong state). */
public final class ActivateContractHandler extends ContractTransitionHandler {

    public ActivateContractHandler() {
        this(ContractWiring.service(), ContractWiring.idempotency());
    }

    public ActivateContractHandler(ContractService service, Idempotency idempotency) {
        super("activateContract", service::activate, idempotency);
    }
}
