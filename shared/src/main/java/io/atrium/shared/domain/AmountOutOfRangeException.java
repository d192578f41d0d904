package io.atrium.shared.domain;

import io.atrium.shared.error.ConflictException;

/**
 * A sum the server keeps (an order's total, a contract's balance) would pass the {@value Money#MAX_INTEGER_DIGITS}
 * integer digits every amount is limited to: a 409, and nothing is written.
 */
public class AmountOutOfRangeException extends ConflictException {
    public AmountOutOfRangeException(String detail) {
        super(detail);
    }

    /** The generic refusal of an arithmetic result in {@code currency}. */
    static AmountOutOfRangeException of(String currency) {
        return new AmountOutOfRangeException("The amount would have more than " + Money.MAX_INTEGER_DIGITS
                + " digits before the decimal point (" + currency + "), more than an amount may hold; nothing was written.");
    }
}
