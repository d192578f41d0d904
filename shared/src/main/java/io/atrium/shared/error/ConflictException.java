package io.atrium.shared.error;

/** A business rule forbids the change (illegal state move, not enough stock, duplicate). */
public class ConflictException extends PlatformException {
    public ConflictException(String detail) {
        super(detail);
    }
}
