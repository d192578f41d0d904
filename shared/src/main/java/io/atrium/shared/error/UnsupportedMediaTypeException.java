package io.atrium.shared.error;

/** The body is not application/json. */
public class UnsupportedMediaTypeException extends PlatformException {
    public UnsupportedMediaTypeException(String detail) {
        super(detail);
    }
}
