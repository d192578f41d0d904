package io.atrium.shared.domain.contract;

import io.atrium.shared.paging.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Contracts of a tenant. Every method takes the tenant id; none accepts a storage key from a client. */
public interface ContractRepository extends ContractReader {

    /**
     * Stores a new contract, in the same transaction checking that its partner exists in the tenant.
     * @throws io.atrium.shared.error.NotFoundException naming {@code partnerId} when it does not
     */
    Contract create(Contract contract);

    /** Newest first; {@code startKey} comes from an opened page token, or is empty for the first page. */
    Page<Contract> list(String tenantId, ContractQuery query, int limit, Map<String, String> startKey);

    /**
     * Moves {@code current} to {@code next} if it is still exactly at {@code current.version()}, and in the
     * same DynamoDB transaction adds one to its partner's {@code activeContracts} (into ACTIVE) or takes one
     * off (out of ACTIVE).
     * @return the contract as stored now
     * @throws io.atrium.shared.error.NotFoundException when the contract no longer exists
     * @throws io.atrium.shared.error.PreconditionFailedException when it changed since {@code current} was read
     * @throws io.atrium.shared.error.ConflictException when the partner no longer exists
     */
    Contract move(Contract current, ContractStatus next, Instant now);

    /**
     * ACTIVE contracts of every tenant whose end date is before {@code today}, oldest end date first: the
     * daily expiry job's work list (sparse index {@code byEndDate}).
     */
    Page<EndedContract> findEnded(LocalDate today, int limit, Map<String, String> startKey);
}
