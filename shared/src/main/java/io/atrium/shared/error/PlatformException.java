package io.atrium.shared.error;

/**
 * Base of every error a client may see. Its detail is written for the client, so it must never
 * carry an internal message, a class name or a storage key. HTTP status mapping lives in
 * {@code io.atrium.shared.api.Problems}, the only place that knows about HTTP.
 */
public abstract class PlatformException extends RuntimeException {
    protected PlatformException(String detail) {
        super(detail, null, false, false);
    }

    protected PlatformException(String detail, Throwable cause) {
        super(detail, cause, false, false);
    }

    public String detail() {
        return getMessage();
    }
}
