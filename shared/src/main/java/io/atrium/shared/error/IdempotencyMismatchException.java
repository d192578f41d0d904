package io.atrium.shared.error;

/** The Idempotency-Key was used before with a different request. */
public class IdempotencyMismatchException extends PlatformException {
    public IdempotencyMismatchException(String detail) {
        super(detail);
    }
}
