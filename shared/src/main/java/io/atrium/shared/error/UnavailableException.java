package io.atrium.shared.error;

/** A dependency is throttled or down; the client may retry after {@link #retryAfterSeconds()}. */
public class UnavailableException extends PlatformException {
    private final int retryAfterSeconds;

    public UnavailableException(String detail, int retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
