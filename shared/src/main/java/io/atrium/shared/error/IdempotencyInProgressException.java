package io.atrium.shared.error;

/** The first request with this Idempotency-Key is still running. */
public class IdempotencyInProgressException extends PlatformException {
    public IdempotencyInProgressException(String detail) {
        super(detail);
    }
}
