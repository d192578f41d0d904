package io.atrium.authz.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.atrium.authz.service.AuthorizerService;
import io.atrium.authz.service.CallerStanding;
import io.atrium.authz.service.InMemoryTenants;
import io.atrium.authz.token.AccessTokenVerifier;
import io.atrium.authz.token.Tokens;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What API Gateway gets back from the authorizer function, from a recorded TOKEN event. */
class AuthorizerHandlerTest {
    private final Tokens tokens = new Tokens();
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final AuthorizerHandler handler;

    AuthorizerHandlerTest() {
        Instant now = Instant.now();
        tenants.tenants.put(Tokens.TENANT, new Tenant(Tokens.TENANT, "Acme", Tier.BASIC, TenantStatus.ACTIVE, 1, now, now));
        tenants.clients.put(Tokens.CLIENT, new Client(Tokens.TENANT, Tokens.CLIENT, "default", Scopes.TENANT_SCOPES, now));
        Clock clock = Clock.systemUTC();
        handler = new AuthorizerHandler(new AuthorizerService(
                new AccessTokenVerifier(Tokens.ISSUER, new ImmutableJWKSet<>(tokens.publicKeys()), clock),
                new CallerStanding(tenants, clock),
                Map.of(Tier.BASIC, "basic-key-value", Tier.STANDARD, "standard-key-value", Tier.PREMIUM, "premium-key-value"),
                "adminclient"));
    }

    private Map<String, Object> event(String authorization) {
        Map<String, Object> event = Events.plain("token-authorizer.json");
        event.put("authorizationToken", authorization);
        return event;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidTokenGetsAStagePolicyTheCallerContextAndTheTiersKey() {
        Map<String, Object> out = handler.handleRequest(event("Bearer " + tokens.sign(Tokens.claims(Instant.now()).build())), null);

        assertEquals(Tokens.CLIENT, out.get("principalId"));
        Map<String, Object> statement = ((List<Map<String, Object>>) ((Map<String, Object>) out.get("policyDocument"))
                .get("Statement")).get(0);
        assertEquals("Allow", statement.get("Effect"));
        assertEquals("execute-api:Invoke", statement.get("Action"));
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123defg/v1/*", statement.get("Resource"));
        assertEquals(Map.of("tenantId", Tokens.TENANT, "tier", "basic", "scopes", "partners/read partners/write",
                "clientId", Tokens.CLIENT), out.get("context"));
        assertEquals("basic-key-value", out.get("usageIdentifierKey"));
    }

    @Test
    void aBadTokenIsExactlyUnauthorized() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> handler.handleRequest(event("Bearer nope"), null));
        assertEquals("Unauthorized", e.getMessage());
    }

    @Test
    void aFailingTenantTableIsStillUnauthorizedNeverA5xx() {
        tenants.tenants.clear();
        InMemoryTenants broken = new InMemoryTenants() {
            @Override
            public java.util.Optional<Client> findClient(String tenantId, String clientId) {
                throw new IllegalStateException("DynamoDB is down");
            }
        };
        Clock clock = Clock.systemUTC();
        AuthorizerHandler failing = new AuthorizerHandler(new AuthorizerService(
                new AccessTokenVerifier(Tokens.ISSUER, new ImmutableJWKSet<>(tokens.publicKeys()), clock),
                new CallerStanding(broken, clock),
                Map.of(Tier.BASIC, "b", Tier.STANDARD, "s", Tier.PREMIUM, "p"), "adminclient"));

        RuntimeException e = assertThrows(RuntimeException.class, () -> failing.handleRequest(
                event("Bearer " + tokens.sign(Tokens.claims(Instant.now()).build())), null));
        assertEquals("Unauthorized", e.getMessage());
    }

    @Test
    void aMethodArnThatIsNotExecuteApiIsUnauthorized() {
        Map<String, Object> event = event("Bearer " + tokens.sign(Tokens.claims(Instant.now()).build()));
        event.put("methodArn", "arn:aws:s3:::bucket");
        assertEquals("Unauthorized", assertThrows(RuntimeException.class, () -> handler.handleRequest(event, null)).getMessage());
    }
}
