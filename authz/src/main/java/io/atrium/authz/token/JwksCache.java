package io.atrium.authz.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The issuer's signing keys, fetched on first use and kept. A token with a key id the cache does not know
 * triggers a refetch, at most once per {@link #MIN_REFRESH_INTERVAL}, so a flood of tokens with made-up
 * key ids cannot turn into a flood of requests to the issuer. Thread-safe.
 */
public final class JwksCache {
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

    private final Supplier<JWKSet> fetcher;
    private final Clock clock;
    private volatile JWKSet keys;
    private Instant lastFetch = Instant.MIN;

    /** @param fetcher loads the current key set; throws on failure */
    public JwksCache(Supplier<JWKSet> fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The key with this id, refetching the set when it is unknown and the last fetch is old enough. */
    public Optional<JWK> key(String keyId) {
        JWKSet current = keys;
        if (current != null) {
            JWK key = current.getKeyByKeyId(keyId);
            if (key != null) {
                return Optional.of(key);
            }
        }
        return Optional.ofNullable(refreshIfAllowed()).map(set -> set.getKeyByKeyId(keyId));
    }

    private synchronized JWKSet refreshIfAllowed() {
        Instant now = clock.instant();
        if (keys != null && now.isBefore(lastFetch.plus(MIN_REFRESH_INTERVAL))) {
            return keys;
        }
        if (keys == null && now.isBefore(lastFetch.plus(Duration.ofSeconds(1)))) {
            // the issuer was unreachable a moment ago: do not hammer it while it is down
            return null;
        }
        lastFetch = now;
        try {
            keys = fetcher.get();
        } catch (RuntimeException e) {
            // keep the keys we had; a failed refresh must not lock out valid tokens
            return keys;
        }
        return keys;
    }
}
