package io.atrium.authz.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.atrium.shared.snapstart.PrimingIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Before the authorizer's SnapStart snapshot (ADR 0016), what the first token's verification runs, without a token
 * of the issuer and without a private key: the issuer's key set is fetched (the JWKS request and its parsing, kept in
 * nimbus's cache as a first request would keep it); a token naming the issuer's first RSA key, with a signature no key
 * made, goes through the function's verifier, which selects that key, checks the RS256 signature and refuses it; the
 * claim rules and the reading of the claims run on the claims of the priming ids.
 */
public final class VerifierPriming implements Runnable {
    private final String issuer;
    private final JWKSource<SecurityContext> issuerKeys;
    private final AccessTokenVerifier verifier;
    private final Clock clock;

    public VerifierPriming(String issuer, JWKSource<SecurityContext> issuerKeys, AccessTokenVerifier verifier, Clock clock) {
        this.issuer = issuer;
        this.issuerKeys = issuerKeys;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public void run() {
        JWTClaimsSet claims = claims();
        try {
            List<JWK> keys = issuerKeys.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null);
            if (!keys.isEmpty()) {
                String token = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.get(0).getKeyID()).build().toBase64URL()
                        + "." + Base64URL.encode(claims.toString()) + "." + Base64URL.encode(new byte[256]);
                refused(token);
            }
            new AccessTokenClaims(issuer, clock).verify(claims, null);
            AccessTokenClaims.read(claims);
        } catch (JOSEException | BadJOSEException | TokenRejectedException e) {
            throw new IllegalStateException("the token verifier could not be primed: " + e.getMessage(), e);
        }
    }

    private void refused(String token) {
        try {
            verifier.verify(token);
        } catch (TokenRejectedException expected) {
            return;
        }
        throw new IllegalStateException("a token with a made-up signature was accepted");
    }

    /** An access token's claims for the priming ids (a tenant that owns nothing, a client no tenant has). */
    private JWTClaimsSet claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access")
                .claim("client_id", PrimingIds.ITEM_ID).claim("tenant_id", PrimingIds.TENANT_ID).claim("scope", "partners/read")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build();
    }
}
