package io.atrium.shared.error;

/** A dependency is throttled or down; the client may retry after {@link #retryAfterSeconds()}. */
public class UnavailableException extends PlatformException implements RetryLater {
    private final int retryAfterSeconds;

    public UnavailableException(String detail, int retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
