package io.atrium.authz.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.atrium.authz.service.InMemoryTenants;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V3 trigger's answer to Cognito for a client-credentials token, from a recorded event. */
class PreTokenGenerationHandlerTest {
    static final String TENANT = "ten_AAAAAAAAAAAAAAAAAAAAAA";
    static final String CLIENT = "client1abcdefghijklmnopqrs";

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final PreTokenGenerationHandler handler = new PreTokenGenerationHandler(tenants);

    private void tenant(TenantStatus status) {
        Instant now = Instant.now();
        tenants.tenants.put(TENANT, new Tenant(TENANT, "Acme", Tier.STANDARD, status, 1, now, now));
        tenants.clients.put(CLIENT, new Client(TENANT, CLIENT, "default", Scopes.TENANT_SCOPES, now));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> out) {
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) out.get("response")).get("claimsAndScopeOverrideDetails");
        return (Map<String, Object>) ((Map<String, Object>) details.get("accessTokenGeneration")).get("claimsToAddOrOverride");
    }

    @Test
    void aTenantsClientGetsItsTenantIdAndTier() {
        tenant(TenantStatus.ACTIVE);
        Map<String, Object> out = handler.handleRequest(Events.plain("pre-token-generation-v3.json"), null);

        assertEquals(Map.of("tenant_id", TENANT, "tier", "standard"), claims(out));
        assertEquals("TokenGeneration_ClientCredentials", out.get("triggerSource"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlatformAdminScopeMarksThePlatformTenant() {
        Map<String, Object> event = Events.plain("pre-token-generation-v3.json");
        ((Map<String, Object>) event.get("request")).put("scopes", List.of("platform/admin"));
        ((Map<String, Object>) event.get("callerContext")).put("clientId", "adminclient");

        assertEquals(Map.of("tenant_id", "platform", "tier", "premium"), claims(handler.handleRequest(event, null)));
    }

    @Test
    void anUnknownClientGetsNoToken() {
        assertThrows(IllegalStateException.class, () -> handler.handleRequest(Events.plain("pre-token-generation-v3.json"), null));
    }

    @Test
    void aSuspendedTenantGetsNoToken() {
        tenant(TenantStatus.SUSPENDED);
        assertThrows(IllegalStateException.class, () -> handler.handleRequest(Events.plain("pre-token-generation-v3.json"), null));
    }
}
