package io.atrium.shared.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * ISO 4217 currencies and their minor units. Every amount the API takes is a whole number of the currency's
 * minor unit (EUR 0.01, JPY 1, KWD 0.001), so sums and balances are too.
 */
public final class Currencies {
    private Currencies() {
    }

    /** The currency's minor-unit digits (2 for EUR, 0 for JPY, 3 for KWD), if it is a known ISO 4217 code. */
    public static Optional<Integer> minorDigits(String code) {
        if (code == null || code.length() != 3) {
            return Optional.empty();
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? Optional.empty() : Optional.of(digits);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The same amount written with the currency's minor-unit scale ({@code 12.5 EUR} -> {@code 12.50}),
     * as DynamoDB returns numbers without trailing zeros. Digits below the minor unit are never dropped.
     */
    static BigDecimal atMinorUnit(BigDecimal amount, String currency) {
        int digits = minorDigits(currency).orElse(2);
        BigDecimal stripped = amount.stripTrailingZeros();
        return amount.setScale(Math.max(digits, Math.max(0, stripped.scale())));
    }
}
