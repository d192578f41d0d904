package io.atrium.shared.error;

/** One invalid field of a request, as shown in a problem's {@code errors[]}. */
public record FieldError(String field, String message) {
}
