package io.atrium.authz.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Verifies a Cognito access token with nimbus's {@link DefaultJWTProcessor}: compact JWS, RS256 only, a
 * key the issuer's JWKS holds under the token's key id (at least 2048 bits; never key material or a key URL
 * from the token itself), the signature, then the claims ({@link AccessTokenClaims}). A cheap screen runs
 * first (size, shape, header) so odd input never reaches the parser. Every failure, whatever its cause, is
 * a {@link TokenRejectedException}.
 */
public final class AccessTokenVerifier {
    /** Cognito access tokens are about 1 KB; anything far larger is refused before parsing. */
    public static final int MAX_TOKEN_CHARS = 8192;
    private static final int MAX_KEY_ID_CHARS = 128;
    private static final int MIN_RSA_KEY_BITS = 2048;
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** @param issuerKeys the issuer's signing keys, e.g. {@link IssuerKeys#fromUrl} */
    public AccessTokenVerifier(String issuer, JWKSource<SecurityContext> issuerKeys, Clock clock) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, issuerKeys) {
            @Override
            protected JWKMatcher createJWKMatcher(JWSHeader header) {
                JWKMatcher byHeader = super.createJWKMatcher(header);
                return byHeader == null ? null : new JWKMatcher.Builder(byHeader).minKeySize(MIN_RSA_KEY_BITS).build();
            }
        });
        processor.setJWTClaimsSetVerifier(new AccessTokenClaims(issuer, clock));
    }

    public VerifiedToken verify(String token) throws TokenRejectedException {
        try {
            SignedJWT jwt = screen(token);
            return AccessTokenClaims.read(processor.process(jwt, null));
        } catch (BadJOSEException | JOSEException e) {
            throw new TokenRejectedException(e.getMessage());
        } catch (RuntimeException e) {
            // a parser bug or an odd input must still be a plain refusal, never a 5xx
            throw new TokenRejectedException("token could not be processed: " + e.getClass().getSimpleName());
        }
    }

    /** The checks before any key is looked up: size, three base64url parts, and a header naming only a key id. */
    private static SignedJWT screen(String token) throws TokenRejectedException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException("no token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new TokenRejectedException("token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        if (!COMPACT_JWS.matcher(token).matches()) {
            // the parser would forgive whitespace and odd characters; nothing but base64url and two dots gets in
            throw new TokenRejectedException("not three base64url parts");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException("not a compact JWS");
        }
        JWSHeader header = jwt.getHeader();
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null || header.getX509CertSHA256Thumbprint() != null) {
            throw new TokenRejectedException("token names its own key (jwk/jku/x5u/x5c/x5t#S256)");
        }
        String keyId = header.getKeyID();
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_CHARS) {
            // without a kid nimbus would try every RSA key of the set; Cognito always names the key
            throw new TokenRejectedException("no usable key id");
        }
        return jwt;
    }
}
