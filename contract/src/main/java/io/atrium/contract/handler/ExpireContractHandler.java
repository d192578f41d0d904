package io.atrium.contract.handler;

import io.atrium.contract.ContractWiring;
import io.atrium.contract.service.ContractService;
import io.atrium.contract.service.DueContract;
import io.atrium.shared.events.SqsEvent;
import io.atrium.shared.events.SqsWorker;
import java.util.List;

/**
 * The expiry queue's worker: ACTIVE -> EXPIRED for each due contract. A second run's message, or one for a
 * contract the client terminated meanwhile, changes nothing; a message for a contract that does not exist, or
 * that cannot be read, fails alone and, after the queue's maxReceiveCount, rests in its DLQ.
 */
public final class ExpireContractHandler extends SqsWorker {
    private final ContractService service;

    public ExpireContractHandler() {
        this(ContractWiring.service());
    }

    public ExpireContractHandler(ContractService service) {
        super("contract", "expireContract");
        this.service = service;
    }

    @Override
    protected void handleAll(List<SqsEvent.Message> messages, Outcomes<SqsEvent.Message> outcomes) {
        outcomes.each(messages, this::expire);
    }

    private String expire(SqsEvent.Message message) {
        DueContract due = parse(message.body(), DueContract.class);
        return switch (service.expire(due.tenantId(), due.contractId())) {
            case EXPIRED -> "expired";
            case NOT_ACTIVE -> "notActive";
            case NOT_ENDED -> "notEnded";
        };
    }
}
