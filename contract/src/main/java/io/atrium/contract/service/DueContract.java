package io.atrium.contract.service;

import io.atrium.shared.api.Ids;
import io.atrium.shared.domain.contract.EndedContract;

/** The expiry queue's message: one contract the daily run found ACTIVE past its end date (ADR 0302). */
public record DueContract(String tenantId, String contractId) {

    public DueContract {
        if (!Ids.isValid(tenantId) || !Ids.isValid(contractId)) {
            throw new IllegalArgumentException("a due-contract message needs a valid tenantId and contractId");
        }
    }

    public static DueContract of(EndedContract ended) {
        return new DueContract(ended.tenantId(), ended.contractId());
    }
}
