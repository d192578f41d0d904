package io.atrium.shared.error;

/** The caller lacks the scope the route needs. */
public class ForbiddenException extends PlatformException {
    public ForbiddenException(String detail) {
        super(detail);
    }
}
