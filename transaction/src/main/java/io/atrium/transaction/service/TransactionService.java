package io.atrium.transaction.service;

import io.atrium.shared.domain.contract.ContractReader;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionRepository;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.paging.Listing;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The transaction rules; knows nothing of HTTP. A transaction needs an ACTIVE contract of the tenant in
 * its currency, and a refund may not take the balance below zero. The service checks these on a fresh
 * read to answer clearly; the repository's single DynamoDB transaction enforces them again atomically,
 * which is what holds under concurrency.
 */
public final class TransactionService {
    private final TransactionRepository transactions;
    private final ContractReader contracts;
    private final Paginator paginator;
    private final OwnedIds ids;
    private final Clock clock;

    public TransactionService(TransactionRepository transactions, ContractReader contracts, Paginator paginator, OwnedIds ids,
                              Clock clock) {
        this.transactions = transactions;
        this.contracts = contracts;
        this.paginator = paginator;
        this.ids = ids;
        this.clock = clock;
    }

    public Transaction record(String tenantId, TransactionDetails details) {
        var contract = contracts.find(tenantId, details.contractId()).orElseThrow(() -> contractNotFound(details.contractId()));
        Transaction transaction = new Transaction(tenantId, ids.newId("txn", tenantId), details.contractId(), details.type(),
                details.amount(), details.reference(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        transaction.refusalBy(contract).ifPresent(refusal -> {
            throw refusal;
        });
        return transactions.record(transaction);
    }

    public Transaction get(String tenantId, String transactionId) {
        return transactions.find(tenantId, transactionId).orElseThrow(() -> NotFoundException.noSuch("transaction"));
    }

    /** A contract's transactions, newest first; the contract must exist in the tenant. */
    public Listing<Transaction> listByContract(String tenantId, String contractId, int limit, Optional<String> nextToken) {
        if (contracts.find(tenantId, contractId).isEmpty()) {
            throw contractNotFound(contractId);
        }
        return paginator.page(tenantId, "transactions?contractId=" + contractId + "&limit=" + limit, nextToken,
                startKey -> transactions.listByContract(tenantId, contractId, limit, startKey));
    }

    private static NotFoundException contractNotFound(String contractId) {
        return new NotFoundException("contractId: no contract " + contractId + " exists.", contractId);
    }
}
