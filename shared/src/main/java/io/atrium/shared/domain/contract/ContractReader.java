package io.atrium.shared.domain.contract;

import java.util.Optional;

/** Reads contracts only: what another stack (transactions) needs of them. */
public interface ContractReader {

    /** A strongly consistent read within the tenant. */
    Optional<Contract> find(String tenantId, String contractId);
}
