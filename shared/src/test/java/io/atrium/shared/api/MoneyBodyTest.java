package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.error.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyBodyTest {

    private static List<String> fields(Violations violations) {
        return violations.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void pricesShowTwoDecimalsAndBalancesTheCurrencysMinorUnit() {
        assertEquals(new MoneyBody("1500.00", "JPY"), MoneyBody.of(Money.of("1500", "JPY")));
        assertEquals(new MoneyBody("12.50", "EUR"), MoneyBody.of(Money.of("12.5", "EUR")));
        assertEquals(new MoneyBody("1500", "JPY"), MoneyBody.inMinorUnits(Money.of("1500", "JPY")));
        assertEquals(new MoneyBody("12.50", "EUR"), MoneyBody.inMinorUnits(Money.of("12.5", "EUR")));
        assertEquals(new MoneyBody("1.500", "KWD"), MoneyBody.inMinorUnits(Money.of("1.5", "KWD")));
    }

    @Test
    void aPriceIsADecimalStringInAnyThreeLetterCurrency() {
        Violations ok = new Violations();
        assertTrue(MoneyBody.validate(ok, "price", new MoneyBody("0.0001", "XYZ"), false));
        assertTrue(ok.isEmpty());

        Violations missing = new Violations();
        assertFalse(MoneyBody.validate(missing, "price", null, false));
        assertEquals(List.of("price"), fields(missing));

        Violations bad = new Violations();
        assertFalse(MoneyBody.validate(bad, "amount", new MoneyBody("0", "eur"), true));
        assertEquals(List.of("amount.amount", "amount.currency"), fields(bad));
    }

    @Test
    void anAmountInMinorUnitsNeedsAKnownCurrencyAndNoFinerDigits() {
        Violations ok = new Violations();
        MoneyBody.validateInMinorUnits(ok, "value", new MoneyBody("12.50", "EUR"), false);
        assertTrue(ok.isEmpty());

        Violations yen = new Violations();
        MoneyBody.validateInMinorUnits(yen, "value", new MoneyBody("1.5", "JPY"), false);
        assertEquals(List.of("value.amount"), fields(yen));
        assertEquals("must be a whole number in JPY", yen.errors().get(0).message());

        Violations cents = new Violations();
        MoneyBody.validateInMinorUnits(cents, "value", new MoneyBody("1.005", "EUR"), false);
        assertEquals("must have at most 2 decimals in EUR", cents.errors().get(0).message());

        Violations unknown = new Violations();
        MoneyBody.validateInMinorUnits(unknown, "value", new MoneyBody("1", "XYZ"), false);
        assertEquals(List.of("value.currency"), fields(unknown));
    }
}
