package io.atrium.transaction.dto;

import io.atrium.shared.api.Violations;
import io.atrium.shared.domain.contract.Currencies;
import java.math.BigDecimal;

/** Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string. */
public record MoneyBody(String amount, String currency) {

    /**
     * Checks a money field: a decimal string of at most four decimals, a known ISO 4217 currency, and no
     * digits below the currency's minor unit (so EUR takes at most two decimals, JPY none).
     */
    static void validate(Violations violations, String field, MoneyBody money, boolean positive) {
        if (!violations.required(field, money)) {
            return;
        }
        if (!violations.money(field, money.amount(), money.currency(), positive)) {
            return;
        }
        Integer digits = Currencies.minorDigits(money.currency()).orElse(null);
        if (digits == null) {
            violations.add(field + ".currency", "must be an ISO 4217 code such as EUR");
        } else if (new BigDecimal(money.amount()).stripTrailingZeros().scale() > digits) {
            violations.add(field + ".amount", digits == 0 ? "must be a whole number in " + money.currency()
                    : "must have at most " + digits + " decimals in " + money.currency());
        }
    }
}
