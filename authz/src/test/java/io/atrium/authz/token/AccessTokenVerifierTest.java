package io.atrium.authz.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.authz.service.AuthorizerService;
import io.atrium.authz.service.CallerStanding;
import io.atrium.authz.service.InMemoryTenants;
import io.atrium.local.auth.JwtAttackCorpus;
import io.atrium.local.auth.JwtAttackCorpus.Attack;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccessTokenVerifierTest {
    static final Tokens TOKENS = new Tokens();
    static final String FOREIGN_CLIENT = "client2abcdefghijklmnopqrs";

    private final Clock clock = Clock.systemUTC();
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final AuthorizerService authorizer;

    AccessTokenVerifierTest() {
        Instant now = Instant.now();
        tenants.tenants.put(Tokens.TENANT, new Tenant(Tokens.TENANT, "Acme", Tier.STANDARD, TenantStatus.ACTIVE, 1, now, now));
        tenants.clients.put(Tokens.CLIENT, new Client(Tokens.TENANT, Tokens.CLIENT, "default", Scopes.TENANT_SCOPES, now));
        String otherTenant = "ten_BBBBBBBBBBBBBBBBBBBBBB";
        tenants.tenants.put(otherTenant, new Tenant(otherTenant, "Other", Tier.BASIC, TenantStatus.ACTIVE, 1, now, now));
        tenants.clients.put(FOREIGN_CLIENT, new Client(otherTenant, FOREIGN_CLIENT, "default", Scopes.TENANT_SCOPES, now));
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, new ImmutableJWKSet<>(TOKENS.publicKeys()), clock);
        authorizer = new AuthorizerService(verifier, new CallerStanding(tenants, clock),
                Map.of(Tier.BASIC, "key-basic", Tier.STANDARD, "key-standard", Tier.PREMIUM, "key-premium"), "adminclient");
    }

    static Stream<Attack> attacks() {
        JWTClaimsSet valid = Tokens.claims(Instant.now()).build();
        List<Attack> corpus = JwtAttackCorpus.attacks(valid, (header, claims) -> Tokens.sign(header, claims, TOKENS.key),
                TOKENS.key.toPublicJWK(), FOREIGN_CLIENT);
        return corpus.stream();
    }

    @Test
    void aValidTokenGrantsItsTenantScopesAndTheTiersKey() throws Exception {
        AuthorizerService.Grant grant = authorizer.authorize("Bearer " + TOKENS.sign(Tokens.claims(Instant.now()).build()));

        assertEquals(Tokens.TENANT, grant.tenantId());
        assertEquals(Tokens.CLIENT, grant.clientId());
        assertEquals("partners/read partners/write", grant.scopes());
        assertEquals("key-standard", grant.usageIdentifierKey());
        assertEquals("standard", grant.context().get("tier"));
    }

    @Test
    void theCorpusHasAtLeastFifteenKinds() {
        assertEquals(true, attacks().count() >= 15, "attack kinds: " + attacks().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefused(Attack attack) {
        assertThrows(TokenRejectedException.class, () -> authorizer.authorize(attack.authorization()));
    }

    @Test
    void clockSkewOfSixtySecondsIsTolerated() throws Exception {
        Instant now = Instant.now();
        String justExpired = TOKENS.sign(Tokens.claims(now).expirationTime(java.util.Date.from(now.minusSeconds(30))).build());
        String soonValid = TOKENS.sign(Tokens.claims(now).notBeforeTime(java.util.Date.from(now.plusSeconds(30))).build());

        assertEquals(Tokens.TENANT, authorizer.authorize("Bearer " + justExpired).tenantId());
        assertEquals(Tokens.TENANT, authorizer.authorize("bearer " + soonValid).tenantId());
    }

    @Test
    void aSuspendedTenantsTokensAreRefused() {
        Tenant t = tenants.tenants.get(Tokens.TENANT);
        tenants.tenants.put(t.id(), t.with(t.tier(), TenantStatus.SUSPENDED, Instant.now()));

        assertThrows(TokenRejectedException.class,
                () -> authorizer.authorize("Bearer " + TOKENS.sign(Tokens.claims(Instant.now()).build())));
    }

    @Test
    void thePlatformAdminScopeReachesHandlersAsAdminOnlyForTheAdminClient() throws Exception {
        JWTClaimsSet.Builder admin = Tokens.claims(Instant.now()).claim("tenant_id", "platform").claim("scope", "platform/admin");

        AuthorizerService.Grant grant = authorizer.authorize("Bearer " + TOKENS.sign(admin
                .claim("client_id", "adminclient").subject("adminclient").build()));
        assertEquals("admin", grant.scopes());
        assertEquals("key-premium", grant.usageIdentifierKey());

        assertThrows(TokenRejectedException.class, () -> authorizer.authorize("Bearer " + TOKENS.sign(admin
                .claim("client_id", Tokens.CLIENT).subject(Tokens.CLIENT).build())));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheSkew() throws Exception {
        Instant now = Instant.now();
        String soon = TOKENS.sign(Tokens.claims(now).issueTime(java.util.Date.from(now.plusSeconds(30))).build());
        String later = TOKENS.sign(Tokens.claims(now).issueTime(java.util.Date.from(now.plusSeconds(600))).build());

        assertEquals(Tokens.TENANT, authorizer.authorize("Bearer " + soon).tenantId());
        assertThrows(TokenRejectedException.class, () -> authorizer.authorize("Bearer " + later));
    }

    @Test
    void onlyAnRs256SigningKeyOfAtLeast2048BitsFromTheIssuerVerifies() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("kid-1").generate();
        SignedJWT signedWithWeak = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-1").build(),
                Tokens.claims(Instant.now()).build());
        signedWithWeak.sign(new RSASSASigner(weak.toPrivateKey(), true));
        assertThrows(TokenRejectedException.class, () -> verifierWith(weak.toPublicJWK()).verify(signedWithWeak.serialize()));

        String token = TOKENS.sign(Tokens.claims(Instant.now()).build());
        RSAKey forEncryption = new RSAKey.Builder(TOKENS.key.toRSAPublicKey()).keyID("kid-1").keyUse(KeyUse.ENCRYPTION).build();
        RSAKey forRs512 = new RSAKey.Builder(TOKENS.key.toRSAPublicKey()).keyID("kid-1").algorithm(JWSAlgorithm.RS512).build();
        RSAKey plain = new RSAKey.Builder(TOKENS.key.toRSAPublicKey()).keyID("kid-1").build();
        assertThrows(TokenRejectedException.class, () -> verifierWith(forEncryption).verify(token));
        assertThrows(TokenRejectedException.class, () -> verifierWith(forRs512).verify(token));
        assertEquals(Tokens.TENANT, verifierWith(plain).verify(token).tenantId(), "use and alg are optional in a JWK");
    }

    @Test
    void aCriticalHeaderTheVerifierDoesNotKnowIsRefusedEvenWithAGoodSignature() {
        JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-1")
                .customParam("x-policy", "strict").criticalParams(java.util.Set.of("x-policy")).build();
        String token = Tokens.sign(critical, Tokens.claims(Instant.now()).build(), TOKENS.key);

        assertThrows(TokenRejectedException.class, () -> authorizer.authorize("Bearer " + token));
    }

    @Test
    void anIssuerThatIsDownIsARefusalNotACrash() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(Tokens.ISSUER, IssuerKeys.from(new FakeIssuer.Down()), clock);

        assertThrows(TokenRejectedException.class, () -> verifier.verify(TOKENS.sign(Tokens.claims(Instant.now()).build())));
    }

    private AccessTokenVerifier verifierWith(RSAKey publicKey) {
        return new AccessTokenVerifier(Tokens.ISSUER, new ImmutableJWKSet<>(new JWKSet(publicKey)), clock);
    }
}
