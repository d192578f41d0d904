package io.atrium.authz.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.shared.api.Ids;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies a Cognito access token: compact JWS, RS256 only, a key id the issuer's JWKS knows (no key
 * material or key URL taken from the token itself), signature, {@code iss}, {@code token_use=access},
 * {@code client_id}, {@code exp}/{@code nbf} with 60 s skew, and the {@code tenant_id} the pre-token
 * trigger adds. Every failure, whatever its cause, is a {@link TokenRejectedException}.
 */
public final class AccessTokenVerifier {
    /** Cognito access tokens are about 1 KB; anything far larger is refused before parsing. */
    public static final int MAX_TOKEN_CHARS = 8192;
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final String issuer;
    private final JwksCache keys;
    private final Clock clock;

    public AccessTokenVerifier(String issuer, JwksCache keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.keys = keys;
        this.clock = clock;
    }

    public VerifiedToken verify(String token) throws TokenRejectedException {
        try {
            return check(token);
        } catch (TokenRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a parser bug or an odd input must still be a plain refusal, never a 5xx
            throw new TokenRejectedException("token could not be processed: " + e.getClass().getSimpleName());
        }
    }

    private VerifiedToken check(String token) throws TokenRejectedException {
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
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new TokenRejectedException("algorithm " + header.getAlgorithm() + " is not RS256");
        }
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null || header.getX509CertSHA256Thumbprint() != null) {
            throw new TokenRejectedException("token names its own key (jwk/jku/x5u/x5c)");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new TokenRejectedException("token has critical header parameters");
        }
        String keyId = header.getKeyID();
        if (keyId == null || keyId.isEmpty() || keyId.length() > 128) {
            throw new TokenRejectedException("no usable key id");
        }
        JWK jwk = keys.key(keyId).orElseThrow(() -> new TokenRejectedException("unknown key id"));
        if (!(jwk instanceof RSAKey rsa)) {
            throw new TokenRejectedException("key is not an RSA key");
        }
        if (rsa.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsa.getKeyUse())) {
            throw new TokenRejectedException("key is not a signing key");
        }
        if (rsa.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsa.getAlgorithm())) {
            throw new TokenRejectedException("key is not for RS256");
        }
        if (rsa.size() < 2048) {
            throw new TokenRejectedException("key is shorter than 2048 bits");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
                throw new TokenRejectedException("bad signature");
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException("signature could not be checked");
        }
        return claims(jwt);
    }

    private VerifiedToken claims(SignedJWT jwt) throws TokenRejectedException {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException("claims are not a JSON object");
        }
        try {
            if (!issuer.equals(claims.getIssuer())) {
                throw new TokenRejectedException("wrong issuer");
            }
            if (!"access".equals(claims.getStringClaim("token_use"))) {
                throw new TokenRejectedException("not an access token");
            }
            String clientId = claims.getStringClaim("client_id");
            if (!Ids.isValid(clientId)) {
                throw new TokenRejectedException("no valid client_id");
            }
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            if (expires == null || now.isAfter(expires.toInstant().plus(CLOCK_SKEW))) {
                throw new TokenRejectedException("expired or no exp");
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
                throw new TokenRejectedException("not yet valid");
            }
            Date issuedAt = claims.getIssueTime();
            if (issuedAt != null && now.isBefore(issuedAt.toInstant().minus(CLOCK_SKEW))) {
                throw new TokenRejectedException("issued in the future");
            }
            String tenantId = claims.getStringClaim("tenant_id");
            if (!Ids.isValid(tenantId)) {
                throw new TokenRejectedException("no valid tenant_id");
            }
            String scope = claims.getStringClaim("scope");
            List<String> scopes = scope == null ? List.of()
                    : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            return new VerifiedToken(clientId, tenantId, claims.getStringClaim("tier"), scopes, expires.toInstant());
        } catch (ParseException e) {
            throw new TokenRejectedException("a claim has the wrong type");
        }
    }
}
