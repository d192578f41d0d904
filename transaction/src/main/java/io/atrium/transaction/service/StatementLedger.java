package io.atrium.transaction.service;

import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.Transaction;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The seam for monthly statements (ADR 0301). The TransactionTable stream consumer, a later function of this
 * stack, maps each INSERT's NEW_IMAGE to a {@link Transaction} and calls {@link #post}; a stream delivers
 * at least once, so posting the same transaction again must change nothing. {@code GET /statements/{yyyy-mm}}
 * will read {@link #statement}.
 */
public interface StatementLedger {

    /** Adds the transaction to its tenant's statement of its month (UTC); false when it was posted before. */
    boolean post(Transaction transaction);

    Optional<MonthlyStatement> statement(String tenantId, YearMonth month);
}
