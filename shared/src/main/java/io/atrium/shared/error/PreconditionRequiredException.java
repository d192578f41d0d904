package io.atrium.shared.error;

/** The route needs If-Match and the request has none. */
public class PreconditionRequiredException extends PlatformException {
    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
