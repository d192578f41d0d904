package io.atrium.shared.snapstart;

import java.security.SecureRandom;

/**
 * The functions' source of random bytes (ids, nonces, retry jitter). A new generator after every restore, so
 * copies restored from one snapshot never continue from the same state (ADR 0016).
 */
public final class Randomness {

    private static volatile SecureRandom current = new SecureRandom();

    static {
        SnapStart.renew(Randomness::renew);
    }

    private Randomness() {
    }

    public static SecureRandom current() {
        return current;
    }

    /** A new generator, seeded here (its first draw), not by the first request after the restore. */
    static void renew() {
        SecureRandom next = new SecureRandom();
        next.nextBytes(new byte[1]);
        current = next;
    }
}
