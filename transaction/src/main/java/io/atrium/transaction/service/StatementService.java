package io.atrium.transaction.service;

import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.StatementRepository;
import io.atrium.shared.domain.transaction.Transaction;
import java.time.YearMonth;
import java.util.Optional;

/** Statements kept in StatementTable; idempotent per transaction id because the repository writes a marker with each post. */
public final class StatementService implements StatementLedger {
    private final StatementRepository statements;

    public StatementService(StatementRepository statements) {
        this.statements = statements;
    }

    @Override
    public boolean post(Transaction transaction) {
        return statements.post(transaction);
    }

    @Override
    public Optional<MonthlyStatement> statement(String tenantId, YearMonth month) {
        return statements.find(tenantId, month);
    }
}
