package io.atrium.shared.domain.transaction;

import io.atrium.shared.paging.Page;
import java.util.Map;
import java.util.Optional;

/** Transactions of a tenant's contracts. Every method takes the tenant id. */
public interface TransactionRepository {

    /**
     * Stores the transaction and changes its contract's balance in ONE DynamoDB transaction, which
     * succeeds only while the contract exists, is ACTIVE, is in the transaction's currency and, for a
     * refund, has at least the amount as balance. So no interleaving of writers can take a balance below
     * zero or lose an update.
     * @throws io.atrium.shared.error.NotFoundException naming {@code contractId} when the contract does not exist
     * @throws io.atrium.shared.error.ConflictException when any other condition fails
     * @throws io.atrium.shared.error.UnavailableException when the contract stays contended or DynamoDB is throttled
     */
    Transaction record(Transaction transaction);

    /** A strongly consistent read. */
    Optional<Transaction> find(String tenantId, String transactionId);

    /** One contract's transactions, newest first. */
    Page<Transaction> listByContract(String tenantId, String contractId, int limit, Map<String, String> startKey);
}
