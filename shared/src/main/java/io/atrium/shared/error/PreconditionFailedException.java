package io.atrium.shared.error;

/** If-Match does not name the current version. */
public class PreconditionFailedException extends PlatformException {
    public PreconditionFailedException(String detail) {
        super(detail);
    }

    /** The one wording of a 412: If-Match names another version of the {@code resource} ("partner", "order", ...) than its current one. */
    public static PreconditionFailedException versionMoved(String resource) {
        return new PreconditionFailedException("If-Match does not match the current version of the " + resource + ".");
    }
}
