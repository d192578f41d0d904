package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.Money;
import io.atrium.shared.error.FieldError;
import io.atrium.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one Money rule of every request body (API.md): ISO 4217, the currency's minor unit, at most 15 integer digits. */
class MoneyBodyTest {

    private static Violations violations;

    private static Money read(String json) {
        violations = new Violations();
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return MoneyBody.read(node, "price", violations);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<FieldError> errors(String json) {
        assertNull(read(json), json);
        return violations.errors();
    }

    @Test
    void everyAmountIsShownAtItsCurrencysMinorUnit() {
        assertEquals(new MoneyBody("1500", "JPY"), MoneyBody.of(Money.of("1500", "JPY")));
        assertEquals(new MoneyBody("12.50", "EUR"), MoneyBody.of(Money.of("12.5", "EUR")));
        assertEquals(new MoneyBody("1.500", "KWD"), MoneyBody.of(Money.of("1.5", "KWD")));
        assertEquals(new MoneyBody("7.00", "EUR"), MoneyBody.of(Money.of("7", "EUR")));
    }

    @Test
    void readsAValidAmountAtTheMinorUnit() {
        assertEquals(Money.of("12.50", "EUR"), read("{\"amount\":\"12.5\",\"currency\":\"EUR\"}"));
        assertEquals(Money.of("1500", "JPY"), read("{\"amount\":\"1500.00\",\"currency\":\"JPY\"}"));
        assertEquals(Money.of("0.125", "KWD"), read("{\"amount\":\"0.125\",\"currency\":\"KWD\"}"));
        assertEquals(Money.of("999999999999999.99", "EUR"), read("{\"amount\":\"999999999999999.99\",\"currency\":\"EUR\"}"));
        assertEquals(Money.of("-3", "EUR"), read("{\"amount\":\"-3\",\"currency\":\"EUR\"}"), "the sign is the DTO's rule");
    }

    @Test
    void aMissingOrNullCurrencyOrAmountIsNamedNeverThrown() {
        assertEquals(List.of(new FieldError("price.currency", "is required")), errors("{\"amount\":\"1.00\"}"));
        assertEquals(List.of(new FieldError("price.currency", "is required")), errors("{\"amount\":\"1.00\",\"currency\":null}"));
        assertEquals(List.of(new FieldError("price.amount", "is required")), errors("{\"currency\":\"EUR\"}"));
        assertEquals(List.of(new FieldError("price.currency", "is required"), new FieldError("price.amount", "is required")), errors("{}"));
        assertEquals(List.of(new FieldError("price", "must be an object")), errors("\"12.50 EUR\""));
    }

    @Test
    void theCurrencyMustBeAnIso4217Code() {
        for (String currency : List.of("\"ZZZ\"", "\"eur\"", "\"EURO\"", "\"XXX\"", "3", "true", "{}", "\"\"")) {
            assertEquals(List.of(new FieldError("price.currency", "must be an ISO 4217 code such as EUR")),
                    errors("{\"amount\":\"1\",\"currency\":" + currency + "}"), currency);
        }
    }

    @Test
    void noMoreDecimalsThanTheCurrencysMinorUnit() {
        assertEquals(List.of(new FieldError("price.amount", "must have at most 2 decimals in EUR")),
                errors("{\"amount\":\"2.505\",\"currency\":\"EUR\"}"));
        assertEquals(List.of(new FieldError("price.amount", "must be a whole number in JPY")),
                errors("{\"amount\":\"10.5\",\"currency\":\"JPY\"}"));
        assertEquals(List.of(new FieldError("price.amount", "must have at most 3 decimals in KWD")),
                errors("{\"amount\":\"1.0005\",\"currency\":\"KWD\"}"));
    }

    @Test
    void atMostFifteenIntegerDigitsAndAlwaysADecimalString() {
        assertEquals(List.of(new FieldError("price.amount", "must have at most 15 digits before the decimal point")),
                errors("{\"amount\":\"1000000000000000\",\"currency\":\"EUR\"}"));
        for (String amount : List.of("12.5", "1e3", "\"1e3\"", "\"12,50\"", "\" 1\"", "\"\"", "\"0x10\"", "\"" + "9".repeat(100) + "\"")) {
            assertEquals(List.of(new FieldError("price.amount", "must be a decimal string such as \"12.50\"")),
                    errors("{\"amount\":" + amount + ",\"currency\":\"EUR\"}"), amount);
        }
        assertEquals("price.amount", errors("{\"amount\":\"007\",\"currency\":\"EUR\"}").get(0).field());
    }

    @Test
    void unknownFieldsInsideMoneyAreNamed() {
        assertEquals(List.of(new FieldError("price.cents", "is not a known field")),
                errors("{\"amount\":\"1\",\"currency\":\"EUR\",\"cents\":100}"));
    }

    @Test
    void theDtoRuleDecidesTheSignAndNamesTheAmount() {
        Violations positive = new Violations();
        positive.money("amount", Money.of("0", "EUR"), true);
        assertEquals(List.of(new FieldError("amount.amount", "must be greater than zero")), positive.errors());

        Violations nonNegative = new Violations();
        nonNegative.money("value", Money.of("-0.01", "EUR"), false);
        assertEquals(List.of(new FieldError("value.amount", "must not be negative")), nonNegative.errors());

        Violations missing = new Violations();
        missing.money("value", null, false);
        assertEquals(List.of(new FieldError("value", "is required")), missing.errors());
    }
}
