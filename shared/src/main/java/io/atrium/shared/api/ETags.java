package io.atrium.shared.api;

import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.error.PreconditionRequiredException;

/** A resource's {@code version} travels as a strong ETag ({@code "3"}) and comes back in If-Match. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client expects, from If-Match. Missing: 428. Not a version we could have
     * issued (including {@code *} and weak tags): 412, since it cannot be the current version.
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("This request needs an If-Match header with the resource's ETag.");
        }
        String value = ifMatch.trim();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 2) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw PreconditionFailedException.versionMoved("resource");
        }
    }
}
