package io.atrium.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreKeptAtTheCurrencysMinorUnitWithoutDroppingDigits() {
        assertEquals("12.50", Money.of("12.5", "EUR").amountText());
        assertEquals("1500", Money.of("1500.00", "JPY").amountText());
        assertEquals("1.500", Money.of("1.5", "KWD").amountText());
        assertEquals("0.1234", Money.of("0.1234", "JPY").amountText(), "stored before the one rule: shown, not rounded");
        assertEquals(Money.of("12.5", "EUR"), Money.of("12.50", "EUR"));
    }

    @Test
    void arithmeticStaysWithinFifteenIntegerDigits() {
        Money max = Money.of("999999999999999.99", "EUR");
        assertEquals(max, Money.of("999999999999999.98", "EUR").plus(Money.of("0.01", "EUR")));
        assertThrows(AmountOutOfRangeException.class, () -> max.plus(Money.of("0.01", "EUR")));
        assertThrows(AmountOutOfRangeException.class, () -> Money.of("-999999999999999.99", "EUR").minus(Money.of("0.01", "EUR")));
        assertEquals(Money.of("999999999999999", "JPY"), Money.of("333333333333333", "JPY").times(3));
        assertThrows(AmountOutOfRangeException.class, () -> Money.of("999999999999999.99", "EUR").times(1_000_000));
    }

    @Test
    void currenciesMayNotBeMixed() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }
}
