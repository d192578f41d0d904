package io.atrium.local.auth;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local stand-in for Cognito's signing key: one RSA 2048 key (RS256), its public half served as the
 * JWKS. Kept in {@code {stateDir}/issuer-key.json} when the runtime persists its data, so tokens outlive a
 * restart; otherwise new on every start.
 */
public final class LocalIssuer {
    private final RSAKey key;

    private LocalIssuer(RSAKey key) {
        this.key = key;
    }

    /** @param stateDir where the key is kept, or null for a fresh in-memory key */
    public static LocalIssuer create(Path stateDir) {
        try {
            Path file = stateDir == null ? null : stateDir.resolve("issuer-key.json");
            if (file != null && Files.isRegularFile(file)) {
                return new LocalIssuer(RSAKey.parse(Files.readString(file)));
            }
            RSAKey generated = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            if (file != null) {
                Files.createDirectories(stateDir);
                Files.writeString(file, generated.toJSONString());
            }
            return new LocalIssuer(generated);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("local issuer key could not be made or read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public key set, as Cognito serves it at {@code /.well-known/jwks.json}. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The public key (tests build attack tokens from it). */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** A compact RS256 JWS over {@code claims}, with this key's id in the header, as Cognito signs tokens. */
    public String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    }

    /** Signs with this key under any header (tests: a header that should be refused although the signature holds). */
    public String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("token could not be signed", e);
        }
    }

}
