package io.atrium.authz.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Keys and Cognito-shaped access tokens for verifier tests. */
public final class Tokens {
    public static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1";
    public static final String CLIENT = "client1abcdefghijklmnopqrs";
    public static final String TENANT = "ten_AAAAAAAAAAAAAAAAAAAAAA";

    public final RSAKey key;
    public final RSAKey attacker;

    public Tokens() {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID("kid-1").generate();
            attacker = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** Claims as Cognito's client-credentials access token carries them, plus the trigger's tenant_id and tier. */
    public static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(CLIENT)
                .claim("token_use", "access")
                .claim("scope", "partners/read partners/write")
                .claim("auth_time", now.getEpochSecond())
                .issuer(ISSUER)
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", CLIENT)
                .claim("tenant_id", TENANT)
                .claim("tier", "standard");
    }

    public String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-1").build(), claims, key);
    }

    public static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
