package io.atrium.shared.api;

import io.atrium.shared.error.ValidationException;
import io.atrium.shared.snapstart.Randomness;
import java.util.Base64;
import java.util.regex.Pattern;

/** Server-generated, URL-safe ids, and the charset check every client-supplied id must pass. */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    /** A new id: a prefix naming the entity and 128 random bits, e.g. {@code par_3m9...}. */
    public static String newId(String prefix) {
        byte[] bytes = new byte[16];
        Randomness.current().nextBytes(bytes);
        return prefix + "_" + ENCODER.encodeToString(bytes);
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Returns the id, or throws a 400 naming the field when it is missing or has other characters. */
    public static String require(String field, String id) {
        if (id == null || id.isEmpty()) {
            throw ValidationException.of(field, "is required");
        }
        if (!isValid(id)) {
            throw ValidationException.of(field, "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        return id;
    }
}
