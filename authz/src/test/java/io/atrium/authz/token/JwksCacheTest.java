package io.atrium.authz.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import io.atrium.local.junit.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JwksCacheTest {
    private final Tokens tokens = new Tokens();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final JwksCache cache = new JwksCache(() -> {
        fetches.incrementAndGet();
        return tokens.publicKeys();
    }, clock);

    @Test
    void knownKeysAreServedFromTheCache() {
        for (int i = 0; i < 100; i++) {
            assertTrue(cache.key("kid-1").isPresent());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void unknownKeyIdsRefetchAtMostOncePerThirtySeconds() {
        cache.key("kid-1");
        for (int i = 0; i < 1000; i++) {
            assertTrue(cache.key("made-up-" + i).isEmpty());
        }
        assertEquals(1, fetches.get(), "a flood of unknown kids must not reach the issuer");

        clock.now = clock.now.plusSeconds(31);
        cache.key("made-up-again");
        cache.key("and-again");
        assertEquals(2, fetches.get());
    }

    @Test
    void aRotatedKeyIsPickedUpOnItsFirstToken() {
        JWKSet[] current = {new JWKSet()};
        JwksCache rotating = new JwksCache(() -> current[0], clock);
        assertTrue(rotating.key("kid-1").isEmpty());

        current[0] = tokens.publicKeys();
        clock.now = clock.now.plusSeconds(30);
        assertTrue(rotating.key("kid-1").isPresent());
    }
}
