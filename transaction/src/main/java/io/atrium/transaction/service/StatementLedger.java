package io.atrium.transaction.service;

import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.Transaction;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Monthly statements (ADR 0301). The TransactionTable stream's consumer ({@code PostToStatementsHandler}) maps
 * each INSERT's NEW_IMAGE to a {@link Transaction} and calls {@link #post}; a stream delivers at least once, so
 * posting the same transaction again changes nothing. {@code GET /statements/{month}} reads {@link #statement}.
 */
public interface StatementLedger {

    /** Adds the transaction to its tenant's statement of its month (UTC); false when it was posted before. */
    boolean post(Transaction transaction);

    Optional<MonthlyStatement> statement(String tenantId, YearMonth month);
}
