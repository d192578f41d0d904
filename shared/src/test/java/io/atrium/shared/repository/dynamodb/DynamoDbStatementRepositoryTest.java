package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.testing.TestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoDbStatementRepositoryTest {
    private static DynamoDbStatementRepository statements;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("statement-repo-test");
        statements = new DynamoDbStatementRepository(tables.client(), tables.name("StatementTable"));
    }

    private static Transaction tx(String id, TransactionType type, String amount, String currency, String at) {
        return new Transaction("sA", id, "c1", type, Money.of(amount, currency), "ref", Instant.parse(at));
    }

    @Test
    void postsEachTransactionOnceToItsMonthPerCurrency() {
        assertTrue(statements.post(tx("t1", TransactionType.CHARGE, "100.10", "EUR", "2026-03-31T23:59:59Z")));
        assertTrue(statements.post(tx("t2", TransactionType.REFUND, "0.10", "EUR", "2026-03-01T00:00:00Z")));
        assertTrue(statements.post(tx("t3", TransactionType.CHARGE, "5", "JPY", "2026-03-15T00:00:00Z")));
        assertTrue(statements.post(tx("t4", TransactionType.CHARGE, "1.00", "EUR", "2026-04-01T00:00:00Z")));
        // a redelivered stream record changes nothing
        assertFalse(statements.post(tx("t1", TransactionType.CHARGE, "100.10", "EUR", "2026-03-31T23:59:59Z")));

        MonthlyStatement march = statements.find("sA", YearMonth.of(2026, 3)).orElseThrow();
        assertEquals(0, new BigDecimal("100.10").compareTo(march.totals().get("EUR").charged()));
        assertEquals(0, new BigDecimal("100.00").compareTo(march.totals().get("EUR").net()));
        assertEquals(2, march.totals().get("EUR").count());
        assertEquals(1, march.totals().get("JPY").count());
        assertEquals(0, BigDecimal.ZERO.compareTo(march.totals().get("JPY").refunded()));
        assertEquals(1, statements.find("sA", YearMonth.of(2026, 4)).orElseThrow().totals().get("EUR").count());
        assertTrue(statements.find("sB", YearMonth.of(2026, 3)).isEmpty());
    }
}
