package io.atrium.shared.api;

import io.atrium.shared.error.FieldError;
import io.atrium.shared.error.ValidationException;
import io.atrium.shared.domain.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a request so the 400 names them all at once. A field that
 * already failed (wrong JSON type) is not reported again by later checks. Every check that returns
 * false has named the field, so a caller never goes on with a value that failed unseen.
 */
public final class Violations {

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

    /** Whether the field or anything inside it ({@code price.currency}, {@code items[0]}) failed. */
    public boolean hasFailedWithin(String field) {
        for (String name : failed) {
            if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
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

    /**
     * Required text of {@code min..max} characters (after trimming), counted in Unicode code points as JSON Schema's
     * {@code maxLength} counts them. Control characters never get here: {@link JsonBodyReader} refuses them in every
     * string of every body. Returns whether it is valid.
     */
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
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < min || length > max) {
            add(field, min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
            return false;
        }
        return true;
    }

    /** An optional value must match {@code pattern}; null passes (use {@link #required} for presence). */
    public boolean matches(String field, String value, Pattern pattern, String message) {
        if (hasFailed(field)) {
            return false;
        }
        if (value == null) {
            return true;
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
     * A required money field, already read by {@link MoneyBody#read} (which named any problem inside it): zero or
     * more, or more than zero when {@code positive}.
     */
    public boolean money(String field, Money value, boolean positive) {
        if (hasFailedWithin(field)) {
            return false;
        }
        if (value == null) {
            add(field, "is required");
            return false;
        }
        int sign = value.amount().signum();
        if (positive ? sign <= 0 : sign < 0) {
            add(field + ".amount", positive ? "must be greater than zero" : "must not be negative");
            return false;
        }
        return true;
    }
}
