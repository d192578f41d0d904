package io.atrium.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Bearer tokens an API must refuse with 401, one per kind of attack or mistake: forged signatures and
 * algorithms, keys named by the token itself, claims of the wrong issuer, use, client or time, and inputs
 * that are not tokens at all. Built around one valid token's claims, so each case differs from an accepted
 * token in exactly one way. Used by the authz verifier tests and by the end-to-end tests over HTTP.
 */
public final class JwtAttackCorpus {

    /** One case: its name and the whole {@code Authorization} header value (null: no header). */
    public record Attack(String name, String authorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    private JwtAttackCorpus() {
    }

    /**
     * @param valid         claims of a token the API accepts (issuer, client_id, tenant_id, token_use...)
     * @param signer        signs with the issuer's real key under the given header (as the issuer would)
     * @param issuerKey     the issuer's public key (what an attacker can download from the JWKS)
     * @param foreignClient a client id that exists but does not belong to the valid token's tenant
     */
    public static List<Attack> attacks(JWTClaimsSet valid, BiFunction<JWSHeader, JWTClaimsSet, String> signer,
                                       RSAKey issuerKey, String foreignClient) {
        try {
            return build(valid, signer, issuerKey, foreignClient);
        } catch (JOSEException e) {
            throw new IllegalStateException("attack corpus could not be built", e);
        }
    }

    private static List<Attack> build(JWTClaimsSet valid, BiFunction<JWSHeader, JWTClaimsSet, String> signer,
                                      RSAKey issuerKey, String foreignClient) throws JOSEException {
        String kid = issuerKey.getKeyID();
        JWSHeader rs256 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
        Instant now = Instant.now();
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(kid).generate();
        String good = signer.apply(rs256, valid);
        String[] parts = good.split("\\.");
        List<Attack> out = new ArrayList<>();

        out.add(new Attack("no Authorization header", null));
        out.add(new Attack("not a bearer scheme", "Basic " + good));
        out.add(new Attack("alg none", bearer(b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".")));
        // the classic confusion: the RSA public key, as published, used as an HMAC secret
        byte[] publicKeyAsSecret = issuerKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), valid);
        hs.sign(new MACSigner(publicKeyAsSecret));
        out.add(new Attack("HS256 with the RSA public key as secret", bearer(hs.serialize())));
        out.add(new Attack("attacker key under the known kid", bearer(sign(rs256, valid, attacker))));
        out.add(new Attack("unknown kid", bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-unknown-"
                + now.toEpochMilli()).build(), valid, attacker))));
        out.add(new Attack("jku header injection", bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker").jwkURL(URI.create("https://attacker.example/jwks.json")).build(), valid, attacker))));
        out.add(new Attack("jwk header injection", bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker").jwk(attacker.toPublicJWK()).build(), valid, attacker))));
        out.add(new Attack("RS512 instead of RS256", bearer(signer.apply(new JWSHeader.Builder(JWSAlgorithm.RS512)
                .keyID(kid).build(), valid))));
        out.add(new Attack("wrong issuer", bearer(signer.apply(rs256, with(valid).issuer("https://cognito-idp.us-east-1"
                + ".amazonaws.com/us-east-1_Attacker").build()))));
        out.add(new Attack("id token instead of access token", bearer(signer.apply(rs256, with(valid)
                .claim("token_use", "id").audience(valid.getClaim("client_id").toString()).build()))));
        out.add(new Attack("another client's token for this tenant", bearer(signer.apply(rs256, with(valid)
                .claim("client_id", foreignClient).subject(foreignClient).build()))));
        out.add(new Attack("no client_id", bearer(signer.apply(rs256, with(valid).claim("client_id", null).build()))));
        out.add(new Attack("missing tenant_id", bearer(signer.apply(rs256, with(valid).claim("tenant_id", null).build()))));
        out.add(new Attack("expired", bearer(signer.apply(rs256, with(valid)
                .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(600))).build()))));
        out.add(new Attack("not yet valid", bearer(signer.apply(rs256, with(valid)
                .notBeforeTime(Date.from(now.plusSeconds(600))).build()))));
        out.add(new Attack("no exp", bearer(signer.apply(rs256, with(valid).expirationTime(null).build()))));
        out.add(new Attack("tenant_id of another type", bearer(signer.apply(rs256, with(valid).claim("tenant_id", 42).build()))));
        out.add(new Attack("truncated", bearer(good.substring(0, good.length() - 12))));
        out.add(new Attack("signature stripped", bearer(parts[0] + "." + parts[1] + ".")));
        out.add(new Attack("payload swapped under a valid signature", bearer(parts[0] + "."
                + b64(with(valid).claim("tenant_id", "ten_Other0000000000000000").build().toString()) + "." + parts[2])));
        out.add(new Attack("bad base64", bearer(parts[0] + ".%%%not*base64%%%." + parts[2])));
        out.add(new Attack("JSON null header", bearer(b64("null") + "." + parts[1] + "." + parts[2])));
        out.add(new Attack("two parts only", bearer(parts[0] + "." + parts[1])));
        out.add(new Attack("empty bearer", "Bearer "));
        // validly signed, but larger than any Cognito token (and below the 10 KB header limit of API Gateway)
        out.add(new Attack("huge token", bearer(signer.apply(rs256, with(valid).claim("padding", "A".repeat(7000)).build()))));
        return List.copyOf(out);
    }

    private static JWTClaimsSet.Builder with(JWTClaimsSet claims) {
        return new JWTClaimsSet.Builder(claims);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
