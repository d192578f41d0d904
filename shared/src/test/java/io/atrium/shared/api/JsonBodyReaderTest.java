package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.shared.domain.Money;
import io.atrium.shared.error.FieldError;
import io.atrium.shared.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

    record Line(String productId, Integer quantity) {
    }

    record Order(String note, Money total, List<Line> items, Boolean express) implements Validatable {
        @Override
        public void validate(Violations violations) {
            violations.text("note", note, 1, 10);
            if (total != null) {
                violations.money("total", total, true);
            }
        }
    }

    @Test
    void readsAnAllowListedRecordWithNestedValues() {
        Order order = JsonBodyReader.read("""
                {"note":"hi","total":{"amount":"12.50","currency":"EUR"},"items":[{"productId":"p1","quantity":2}],"express":true}""",
                Order.class);
        assertEquals(new Order("hi", Money.of("12.50", "EUR"), List.of(new Line("p1", 2)), true), order);
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
                new FieldError("total.amount", "must be a decimal string such as \"12.50\""),
                new FieldError("items[0].quantity", "must be a whole number")), error.errors());
    }

    @Test
    void aFieldNameThatIsNoPlainIdentifierIsQuotedNeverEmpty() {
        ValidationException error = assertThrows(ValidationException.class, () -> JsonBodyReader.read(
                "{\"note\":\"hi\",\"\":1,\"a.b\":2,\"total\":{\"amount\":\"1\",\"currency\":\"EUR\",\"x y\":3},\"items\":[{\"\\n\":4}]}", Order.class));
        assertEquals(List.of("[\"\"]", "[\"a.b\"]", "total[\"x y\"]", "items[0][\"\\n\"]"),
                error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void reportsMissingRequiredFieldsAndBadValuesFromValidation() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> JsonBodyReader.read("{\"total\":{\"amount\":\"-1\",\"currency\":\"EUR\"}}", Order.class));
        assertEquals(List.of(
                new FieldError("note", "is required"),
                new FieldError("total.amount", "must be greater than zero")), error.errors());
    }

    @Test
    void everyStringOfEveryBodyRefusesControlCharactersAndLoneSurrogates() {
        for (String text : List.of("a\\u0000b", "tab\\there", "line\\nbreak", "esc\\u001b", "del\\u007f", "c1\\u0085",
                "\\ud800alone", "alone\\udc00")) {
            ValidationException error = assertThrows(ValidationException.class, () -> JsonBodyReader.read(
                    "{\"note\":\"ok\",\"items\":[{\"productId\":\"" + text + "\",\"quantity\":1}]}", Order.class), text);
            assertEquals(List.of("items[0].productId"), error.errors().stream().map(FieldError::field).toList(), text);
        }
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(10);
        assertEquals(emoji, JsonBodyReader.read("{\"note\":\"" + emoji + "\"}", Order.class).note(), "10 emoji fit a limit of 10");
        assertThrows(ValidationException.class, () -> JsonBodyReader.read("{\"note\":\"" + emoji + "x\"}", Order.class));
    }

    @Test
    void rejectsMalformedJsonNonObjectsDuplicatesAndTrailingGarbage() {
        for (String body : List.of("{", "[1,2]", "\"text\"", "{\"note\":\"a\",\"note\":\"b\"}", "{\"note\":\"a\"} x")) {
            ValidationException error = assertThrows(ValidationException.class, () -> JsonBodyReader.read(body, Order.class), body);
            assertEquals("body", error.errors().get(0).field(), body);
        }
    }
}
