package io.atrium.shared.error;

/** If-Match does not name the current version. */
public class PreconditionFailedException extends PlatformException {
    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
