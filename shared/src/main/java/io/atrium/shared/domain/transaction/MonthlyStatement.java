package io.atrium.shared.domain.transaction;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** A tenant's totals of one calendar month (UTC), per currency, kept from the transactions stream. */
public record MonthlyStatement(String tenantId, YearMonth month, Map<String, Totals> totals) {

    /** One currency's totals: what was charged, what was refunded, and how many transactions. */
    public record Totals(BigDecimal charged, BigDecimal refunded, long count) {
        public BigDecimal net() {
            return charged.subtract(refunded);
        }
    }
}
