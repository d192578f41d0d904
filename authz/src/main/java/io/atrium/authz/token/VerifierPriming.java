package io.atrium.authz.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.shared.snapstart.PrimingIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Before the authorizer's SnapStart snapshot (ADR 0016), what the first token's verification runs, without a token
 * of the issuer: the issuer's key set is fetched (the JWKS request and its parsing, kept in nimbus's cache as a
 * first request would keep it), and a token signed by a key made here for this alone is verified by a verifier that
 * trusts only that key, so nimbus's parsing, key selection, RS256 signature check and the claim rules run. The key
 * is then dropped: the function's verifier trusts only the issuer's keys.
 */
public final class VerifierPriming implements Runnable {
    private static final String KEY_ID = "snapstart-priming";

    private final String issuer;
    private final JWKSource<SecurityContext> issuerKeys;
    private final Clock clock;

    public VerifierPriming(String issuer, JWKSource<SecurityContext> issuerKeys, Clock clock) {
        this.issuer = issuer;
        this.issuerKeys = issuerKeys;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            issuerKeys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims());
            token.sign(new RSASSASigner(key));
            new AccessTokenVerifier(issuer, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), clock).verify(token.serialize());
        } catch (JOSEException | TokenRejectedException e) {
            throw new IllegalStateException("the token verifier could not be primed: " + e.getMessage(), e);
        }
    }

    /** An access token of the priming ids (a tenant that owns nothing, a client no tenant has). */
    private JWTClaimsSet claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access")
                .claim("client_id", PrimingIds.ITEM_ID).claim("tenant_id", PrimingIds.TENANT_ID).claim("scope", "partners/read")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build();
    }
}
