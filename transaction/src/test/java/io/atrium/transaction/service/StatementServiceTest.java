package io.atrium.transaction.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.repository.dynamodb.DynamoDbStatementRepository;
import io.atrium.shared.testing.TestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The seam the statements stream consumer will call: posting is idempotent per transaction, totals per month and currency. */
class StatementServiceTest {

    @Test
    void aRedeliveredTransactionIsPostedOnce() {
        TestTables tables = TestTables.create("transaction-statements");
        StatementLedger ledger = new StatementService(new DynamoDbStatementRepository(tables.client(), tables.name("StatementTable")));
        Transaction charge = new Transaction("stmt-tenant", "txn_1", "con_1", TransactionType.CHARGE, Money.of("30.00", "EUR"), "r",
                Instant.parse("2026-09-30T23:59:59.999Z"));
        Transaction refund = new Transaction("stmt-tenant", "txn_2", "con_1", TransactionType.REFUND, Money.of("5.50", "EUR"), "r",
                Instant.parse("2026-09-01T00:00:00Z"));

        assertTrue(ledger.post(charge));
        assertFalse(ledger.post(charge), "stream redelivery");
        assertTrue(ledger.post(refund));

        MonthlyStatement september = ledger.statement("stmt-tenant", YearMonth.of(2026, 9)).orElseThrow();
        assertEquals(0, new BigDecimal("24.50").compareTo(september.totals().get("EUR").net()));
        assertEquals(2, september.totals().get("EUR").count());
        assertTrue(ledger.statement("stmt-tenant", YearMonth.of(2026, 10)).isEmpty());
    }
}
