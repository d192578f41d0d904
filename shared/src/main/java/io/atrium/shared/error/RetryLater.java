package io.atrium.shared.error;

/** An error the same request may not meet a little later; the answer tells the client when to retry. */
public interface RetryLater {
    /** Seconds the client should wait before retrying ({@code Retry-After}). */
    int retryAfterSeconds();
}
