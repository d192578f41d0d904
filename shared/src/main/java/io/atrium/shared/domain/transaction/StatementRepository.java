package io.atrium.shared.domain.transaction;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Monthly statements per tenant. {@link #post} is what the transactions-stream consumer calls
 * for each new transaction; a stream delivers at least once, so posting is idempotent per transaction id.
 */
public interface StatementRepository {

    /** Adds the transaction to its tenant's statement of its month; returns false when it was already posted. */
    boolean post(Transaction transaction);

    Optional<MonthlyStatement> find(String tenantId, YearMonth month);
}
