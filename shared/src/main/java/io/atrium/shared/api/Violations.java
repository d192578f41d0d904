package io.atrium.shared.api;

import io.atrium.shared.error.FieldError;
import io.atrium.shared.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a request so the 400 names them all at once. A field that
 * already failed (wrong JSON type) is not reported again by later checks.
 */
public final class Violations {
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    public void add(String field, String message) {
        if (failed.add(field)) {
            errors.add(new FieldError(field, message));
        }
    }

    public boolean hasFailed(String field) {
        return failed.contains(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Required text of {@code min..max} characters (after trimming). Returns whether it is valid. */
    public boolean text(String field, String value, int min, int max) {
        if (hasFailed(field)) {
            return false;
        }
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return optionalText(field, value, min, max);
    }

    public boolean optionalText(String field, String value, int min, int max) {
        if (hasFailed(field) || value == null) {
            return !hasFailed(field);
        }
        int length = value.strip().length();
        if (length < min || length > max) {
            add(field, min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
            return false;
        }
        return true;
    }

    public boolean matches(String field, String value, Pattern pattern, String message) {
        if (hasFailed(field) || value == null) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            add(field, message);
            return false;
        }
        return true;
    }

    public boolean required(String field, Object value) {
        if (hasFailed(field)) {
            return false;
        }
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public boolean range(String field, Long value, long min, long max) {
        if (!required(field, value)) {
            return false;
        }
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max);
            return false;
        }
        return true;
    }

    public boolean oneOf(String field, String value, Set<String> allowed) {
        if (!required(field, value)) {
            return false;
        }
        if (!allowed.contains(value)) {
            add(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return false;
        }
        return true;
    }

    public boolean id(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        if (!Ids.isValid(value)) {
            add(field, "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
            return false;
        }
        return true;
    }

    /**
     * A money object {@code {amount: "12.50", currency: "EUR"}}: amount a decimal string with at most
     * four decimals, currency three capital letters. {@code positive} rejects zero and negatives.
     */
    public boolean money(String field, String amount, String currency, boolean positive) {
        boolean ok = true;
        String amountField = field + ".amount";
        if (required(amountField, amount)) {
            if (!DECIMAL.matcher(amount).matches()) {
                add(amountField, "must be a decimal string such as \"12.50\"");
                ok = false;
            } else if (positive && new BigDecimal(amount).signum() <= 0) {
                add(amountField, "must be greater than zero");
                ok = false;
            } else if (!positive && new BigDecimal(amount).signum() < 0) {
                add(amountField, "must not be negative");
                ok = false;
            }
        } else {
            ok = false;
        }
        return matches(field + ".currency", currency, CURRENCY, "must be an ISO 4217 code such as EUR")
                && required(field + ".currency", currency) && ok;
    }
}
