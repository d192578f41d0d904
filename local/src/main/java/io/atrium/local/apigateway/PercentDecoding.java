package io.atrium.local.apigateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of request paths and query strings (UTF-8; malformed UTF-8 becomes U+FFFD). */
final class PercentDecoding {

    /** A percent-escape that is not {@code %} and two hex digits: the gateway answers 400. */
    static final class MalformedEscape extends IllegalArgumentException {
        MalformedEscape(String message) {
            super(message);
        }
    }

    private PercentDecoding() {
    }

    /** A path segment: {@code +} stays a plus sign; a malformed escape is refused. */
    static String pathSegment(String raw) {
        return decode(raw, false);
    }

    /** A query name or value: {@code +} is a space; a malformed escape leaves the text as sent. */
    static String lenient(String raw) {
        try {
            return decode(raw, true);
        } catch (MalformedEscape e) {
            return raw;
        }
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedEscape("incomplete percent-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedEscape("percent-escape without two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
