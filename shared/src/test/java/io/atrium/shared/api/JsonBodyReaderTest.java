package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.error.FieldError;
import io.atrium.shared.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

    record Amount(String amount, String currency) {
    }

    record Line(String productId, Integer quantity) {
    }

    record Order(String note, Amount total, List<Line> items, Boolean express) implements Validatable {
        @Override
        public void validate(Violations violations) {
            violations.text("note", note, 1, 10);
            if (total != null) {
                violations.money("total", total.amount(), total.currency(), true);
            }
        }
    }

    @Test
    void readsAnAllowListedRecordWithNestedValues() {
        Order order = JsonBodyReader.read("""
                {"note":"hi","total":{"amount":"12.50","currency":"EUR"},"items":[{"productId":"p1","quantity":2}],"express":true}""",
                Order.class);
        assertEquals(new Order("hi", new Amount("12.50", "EUR"), List.of(new Line("p1", 2)), true), order);
    }

    @Test
    void namesEveryUnknownAndMistypedFieldAtOnce() {
        ValidationException error = assertThrows(ValidationException.class, () -> JsonBodyReader.read("""
                {"note":5,"isAdmin":true,"total":{"amount":12.5,"currency":"EUR","price":"1"},"items":[{"productId":"p1","quantity":"2"}]}""",
                Order.class));
        assertEquals(List.of(
                new FieldError("isAdmin", "is not a known field"),
                new FieldError("note", "must be a string"),
                new FieldError("total.price", "is not a known field"),
                new FieldError("total.amount", "must be a string"),
                new FieldError("items[0].quantity", "must be a whole number")), error.errors());
    }

    @Test
    void reportsMissingRequiredFieldsAndBadValuesFromValidation() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> JsonBodyReader.read("{\"total\":{\"amount\":\"-1\",\"currency\":\"eur\"}}", Order.class));
        assertEquals(List.of(
                new FieldError("note", "is required"),
                new FieldError("total.amount", "must be greater than zero"),
                new FieldError("total.currency", "must be an ISO 4217 code such as EUR")), error.errors());
    }

    @Test
    void rejectsMalformedJsonNonObjectsDuplicatesAndTrailingGarbage() {
        for (String body : List.of("{", "[1,2]", "\"text\"", "{\"note\":\"a\",\"note\":\"b\"}", "{\"note\":\"a\"} x")) {
            ValidationException error = assertThrows(ValidationException.class, () -> JsonBodyReader.read(body, Order.class), body);
            assertEquals("body", error.errors().get(0).field(), body);
        }
    }
}
