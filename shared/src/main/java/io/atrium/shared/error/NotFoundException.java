package io.atrium.shared.error;

/** The resource does not exist for the caller's tenant (or belongs to another tenant). */
public class NotFoundException extends PlatformException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
