package io.atrium.transaction.mapper;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.transaction.dto.StatementResponse;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** domain -> dto for monthly statements; amounts at their currency's minor unit ({@code "120.00"}, JPY {@code "500"}). */
public final class StatementMapper {
    private StatementMapper() {
    }

    /** A month without transactions has no statement item: it shows empty totals. */
    public static StatementResponse toResponse(YearMonth month, Optional<MonthlyStatement> statement) {
        List<StatementResponse.Totals> totals = statement.map(s -> s.totals().entrySet().stream()
                .map(e -> new StatementResponse.Totals(e.getKey(), amount(e.getValue().charged(), e.getKey()),
                        amount(e.getValue().refunded(), e.getKey()), amount(e.getValue().net(), e.getKey()), e.getValue().count()))
                .toList()).orElse(List.of());
        return new StatementResponse(month.toString(), totals);
    }

    private static String amount(BigDecimal amount, String currency) {
        return new Money(amount, currency).amountText();
    }
}
