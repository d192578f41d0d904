package io.atrium.authz.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The authorizer's SnapStart primer (ADR 0016): it fetches the issuer's keys once, into the cache a first token then
 * uses (its own token, whose signature no key made, is refused without another fetch), and fails when the issuer
 * cannot be reached (so a publish that cannot reach Cognito fails, not the first request).
 */
class VerifierPrimingTest {
    private final Tokens tokens = new Tokens();
    private final Clock clock = Clock.systemUTC();

    @Test
    void primingFetchesTheIssuersKeysOnceIntoTheCacheTheFirstTokenUses() throws Exception {
        FakeIssuer issuer = new FakeIssuer(tokens.publicKeys());
        var keys = IssuerKeys.from(issuer);

        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, keys, clock);
        new VerifierPriming(Tokens.ISSUER, keys, verifier, clock).run();
        assertEquals(1, issuer.fetches.get());

        assertEquals(Tokens.TENANT, verifier.verify(tokens.sign(Tokens.claims(Instant.now()).build())).tenantId());
        assertEquals(1, issuer.fetches.get(), "the first token is verified with the primed keys");
    }

    @Test
    void primingFailsWhenTheIssuerCannotBeReached() {
        var keys = IssuerKeys.from(new FakeIssuer.Down());
        VerifierPriming priming = new VerifierPriming(Tokens.ISSUER, keys, new AccessTokenVerifier(Tokens.ISSUER, keys, clock), clock);

        assertThrows(IllegalStateException.class, priming::run);
    }
}
