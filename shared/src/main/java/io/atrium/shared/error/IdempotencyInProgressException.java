package io.atrium.shared.error;

/** The first request with this Idempotency-Key is still running, or its claim is held until its lock runs out. */
public class IdempotencyInProgressException extends PlatformException implements RetryLater {
    private final int retryAfterSeconds;

    public IdempotencyInProgressException(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
