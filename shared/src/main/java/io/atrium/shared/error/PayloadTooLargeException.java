package io.atrium.shared.error;

/** The body is larger than the 64 KiB the API accepts. */
public class PayloadTooLargeException extends PlatformException {
    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
