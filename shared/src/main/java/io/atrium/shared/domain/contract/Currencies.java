package io.atrium.shared.domain.contract;

import io.atrium.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * ISO 4217 currencies and their minor units: contract and transaction amounts may not be finer than the
 * currency's minor unit (EUR 0.01, JPY 1), so every balance is a whole number of minor units.
 */
public final class Currencies {
    private Currencies() {
    }

    /** The currency's minor-unit digits (2 for EUR, 0 for JPY, 3 for KWD), if it is a known ISO 4217 code. */
    public static Optional<Integer> minorDigits(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? Optional.empty() : Optional.of(digits);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * The same amount written with the currency's minor-unit scale ({@code 12.5 EUR} -> {@code 12.50}),
     * as DynamoDB returns numbers without trailing zeros. Digits below the minor unit are never dropped.
     */
    public static Money normalized(BigDecimal amount, String currency) {
        int digits = minorDigits(currency).orElse(2);
        BigDecimal stripped = amount.stripTrailingZeros();
        return new Money(amount.setScale(Math.max(digits, Math.max(0, stripped.scale()))), currency);
    }
}
