package io.atrium.authz.token;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.concurrent.atomic.AtomicInteger;

/** An issuer's JWKS endpoint as {@link IssuerKeys} sees it: serves the current key set, counts fetches, can go down. */
class FakeIssuer implements JWKSetSource<SecurityContext> {
    final AtomicInteger fetches = new AtomicInteger();
    volatile JWKSet keys;
    volatile boolean down;

    FakeIssuer(JWKSet keys) {
        this.keys = keys;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
            throws KeySourceException {
        fetches.incrementAndGet();
        if (down) {
            throw new KeySourceException("connection refused");
        }
        return keys;
    }

    @Override
    public void close() {
    }

    /** An issuer that has never answered. */
    static final class Down extends FakeIssuer {
        Down() {
            super(new JWKSet());
            down = true;
        }
    }
}
