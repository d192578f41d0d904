package io.atrium.shared.api;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Currencies;
import java.math.BigDecimal;

/** Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string. */
public record MoneyBody(String amount, String currency) {

    /** A price as the catalog and orders show it: at least two decimals, no exponent ({@code 1500 JPY} -> {@code "1500.00"}). */
    public static MoneyBody of(Money money) {
        return new MoneyBody(money.amountText(), money.currency());
    }

    /** An amount in the currency's minor unit, as contracts and transactions show it ({@code 12.5 EUR} -> {@code "12.50"}, JPY whole). */
    public static MoneyBody inMinorUnits(Money money) {
        return new MoneyBody(Currencies.normalized(money.amount(), money.currency()).amount().toPlainString(), money.currency());
    }

    /** The domain value of a checked body, exactly as sent. */
    public Money toMoney() {
        return Money.of(amount, currency);
    }

    /** The domain value of a body checked by {@link #validateInMinorUnits}, at the currency's minor-unit scale. */
    public Money toMoneyInMinorUnits() {
        return Currencies.normalized(new BigDecimal(amount), currency);
    }

    /**
     * Checks a required money field: a decimal string of at most four decimals and a currency of three capital
     * letters. {@code positive} rejects zero and negatives, otherwise only negatives. Returns whether it is valid.
     */
    public static boolean validate(Violations violations, String field, MoneyBody money, boolean positive) {
        return violations.required(field, money) && violations.money(field, money.amount(), money.currency(), positive);
    }

    /**
     * {@link #validate} plus a known ISO 4217 currency and no digits below the currency's minor unit (so EUR takes
     * at most two decimals, JPY none): every balance stays a whole number of minor units.
     */
    public static void validateInMinorUnits(Violations violations, String field, MoneyBody money, boolean positive) {
        if (!validate(violations, field, money, positive)) {
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
