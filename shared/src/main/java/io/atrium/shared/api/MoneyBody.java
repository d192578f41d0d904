package io.atrium.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.shared.domain.Currencies;
import io.atrium.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string at the
 * currency's minor unit. The one Money rule of every request body lives here ({@link #read}): a request DTO
 * declares a {@link Money} component, and {@link JsonBodyReader} hands it only a value that passed this rule.
 */
public record MoneyBody(String amount, String currency) {
    /** The OpenAPI Money schema's amount pattern: at most 15 integer and 4 decimal digits. */
    static final Pattern AMOUNT = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final int LONGEST_DECIMAL = 64;

    /** How an amount is shown: at the currency's minor unit ({@code 12.50 EUR}, {@code 1500 JPY}, {@code 1.500 KWD}). */
    public static MoneyBody of(Money money) {
        return new MoneyBody(money.amountText(), money.currency());
    }

    /**
     * Reads a Money object of a request at {@code field}, naming every problem ({@code field.amount},
     * {@code field.currency}, an unknown {@code field.x}). Returns null, and never throws, when it is not valid:
     * an ISO 4217 currency, a decimal string with no more decimals than the currency's minor unit (trailing zeros
     * aside) and at most {@value Money#MAX_INTEGER_DIGITS} digits before the point.
     */
    static Money read(JsonNode node, String field, Violations violations) {
        if (!node.isObject()) {
            violations.add(field, "must be an object");
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("amount") && !name.equals("currency")) {
                violations.add(JsonBodyReader.fieldPath(field, name), "is not a known field");
            }
        }
        Optional<Integer> digits = currency(node.get("currency"), field + ".currency", violations);
        BigDecimal amount = amount(node.get("amount"), field + ".amount", violations);
        if (amount == null || digits.isEmpty()) {
            return null;
        }
        String currency = node.get("currency").textValue();
        if (amount.stripTrailingZeros().scale() > digits.get()) {
            violations.add(field + ".amount", digits.get() == 0 ? "must be a whole number in " + currency
                    : "must have at most " + digits.get() + " decimals in " + currency);
        } else if (!AMOUNT.matcher(node.get("amount").textValue()).matches()) {
            violations.add(field + ".amount", "must be written without leading zeros and with at most 4 decimals, such as \"12.50\"");
        }
        return violations.hasFailedWithin(field) ? null : new Money(amount, currency);
    }

    private static Optional<Integer> currency(JsonNode node, String field, Violations violations) {
        if (node == null || node.isNull()) {
            violations.add(field, "is required");
            return Optional.empty();
        }
        Optional<Integer> digits = node.isTextual() ? Currencies.minorDigits(node.textValue()) : Optional.empty();
        if (digits.isEmpty()) {
            violations.add(field, "must be an ISO 4217 code such as EUR");
        }
        return digits;
    }

    private static BigDecimal amount(JsonNode node, String field, Violations violations) {
        if (node == null || node.isNull()) {
            violations.add(field, "is required");
            return null;
        }
        String text = node.isTextual() ? node.textValue() : "";
        if (text.length() > LONGEST_DECIMAL || !DECIMAL.matcher(text).matches()) {
            violations.add(field, "must be a decimal string such as \"12.50\"");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (!Money.inRange(amount)) {
            violations.add(field, "must have at most " + Money.MAX_INTEGER_DIGITS + " digits before the decimal point");
            return null;
        }
        return amount;
    }
}
