package io.atrium.shared.api;

import java.util.Optional;

/**
 * The one rule for every string of every request body (API.md): no C0 or C1 control character
 * (U+0000-U+001F, U+007F-U+009F; tab and line breaks included, as no field holds more than one line),
 * and well-formed Unicode (no lone surrogate, which no storage or client could represent). Lengths are
 * counted in code points ({@link Violations#text}).
 */
public final class TextRule {
    private TextRule() {
    }

    /** What is wrong with {@code value}, if anything, as the message of a 400 naming its field. */
    public static Optional<String> problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                return Optional.of("must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be well-formed Unicode text");
            }
        }
        return Optional.empty();
    }

    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }
}
