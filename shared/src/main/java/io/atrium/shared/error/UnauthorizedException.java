package io.atrium.shared.error;

/** No valid caller identity. */
public class UnauthorizedException extends PlatformException {
    public UnauthorizedException(String detail) {
        super(detail);
    }
}
