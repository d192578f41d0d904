package io.atrium.shared.error;

import java.util.List;

/** Bad input: every offending field is named in {@link #errors()}. */
public class ValidationException extends PlatformException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
