package io.atrium.shared.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in one currency; decimal, never floating point, written at the currency's minor unit
 * ({@code 12.50 EUR}, {@code 1500 JPY}). Client input becomes Money only through
 * {@code io.atrium.shared.api.MoneyBody#read}, which checks the API's Money rule first, so this constructor
 * never sees a client's value. Arithmetic keeps every result inside that rule's range (at most
 * {@value #MAX_INTEGER_DIGITS} integer digits): a sum that would leave it is an {@link AmountOutOfRangeException}.
 */
public record Money(BigDecimal amount, String currency) {
    /** Most digits before the decimal point, as the OpenAPI Money schema's pattern allows. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Every amount's absolute value is below this: 10^15. */
    public static final BigDecimal BOUND = BigDecimal.TEN.pow(MAX_INTEGER_DIGITS);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = Currencies.atMinorUnit(amount, currency);
    }

    /** A trusted value (tests, stored data); client input goes through {@code MoneyBody.read}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Whether {@code amount} has at most {@value #MAX_INTEGER_DIGITS} integer digits. */
    public static boolean inRange(BigDecimal amount) {
        return amount.abs().compareTo(BOUND) < 0;
    }

    /** @throws AmountOutOfRangeException when the sum would pass {@value #MAX_INTEGER_DIGITS} integer digits */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return checked(amount.add(other.amount));
    }

    /** @throws AmountOutOfRangeException when the difference would pass {@value #MAX_INTEGER_DIGITS} integer digits */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return checked(amount.subtract(other.amount));
    }

    /** @throws AmountOutOfRangeException when the product would pass {@value #MAX_INTEGER_DIGITS} integer digits */
    public Money times(long factor) {
        return checked(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** The amount as the API shows it: the currency's minor unit, no exponent. */
    public String amountText() {
        return amount.toPlainString();
    }

    private Money checked(BigDecimal result) {
        if (!inRange(result)) {
            throw AmountOutOfRangeException.of(currency);
        }
        return new Money(result, currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
