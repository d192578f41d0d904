package io.atrium.authz.handler;

import static io.atrium.shared.testing.ApiEvents.event;
import static io.atrium.shared.testing.ApiEvents.json;
import static io.atrium.shared.testing.ApiEvents.withBody;
import static io.atrium.shared.testing.ApiEvents.withHeader;
import static io.atrium.shared.testing.ApiEvents.withScopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.authz.service.AppClients;
import io.atrium.authz.service.InMemoryTenants;
import io.atrium.authz.service.TenantService;
import io.atrium.local.ProjectLayout;
import io.atrium.local.openapi.OpenApiContract;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.testing.OpenApiChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant admin API, from recorded events, as a client sees it (status, body, stored records). */
class TenantApiTest {
    static final String TENANT = "ten_AAAAAAAAAAAAAAAAAAAAAA";

    /** The identity provider's side, remembering what it was asked. */
    static final class FakeAppClients implements AppClients {
        final List<String> created = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        List<String> lastScopes;

        @Override
        public IssuedClient create(String name, List<String> scopes) {
            String id = "client" + (created.size() + 1) + "abcdefghijklmnopqrs";
            created.add(id);
            lastScopes = scopes;
            return new IssuedClient(id, "secret-" + id);
        }

        @Override
        public void delete(String clientId) {
            deleted.add(clientId);
        }
    }

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final FakeAppClients appClients = new FakeAppClients();
    private final TenantService service = new TenantService(tenants, appClients, Clock.systemUTC());
    private final OpenApiChecks openApi = OpenApiChecks.ofModule();

    private void existing(Tier tier) {
        Instant now = Instant.now();
        tenants.tenants.put(TENANT, new Tenant(TENANT, "Acme", tier, TenantStatus.ACTIVE, 1, now, now));
    }

    @Test
    void documentsExactlyTheTemplatesRoutes() {
        assertEquals(OpenApiContract.templateRoutes(ProjectLayout.root().resolve("authz/template.yaml")), openApi.contract().operations());
    }

    @Test
    void onboardingCreatesTheTenantAndItsClientAndShowsTheSecretOnce() {
        ProxyResponseEvent r = openApi.call(new CreateTenantHandler(service), event("create-tenant.json"));

        assertEquals(201, r.getStatusCode(), r.getBody());
        JsonNode body = json(r);
        String tenantId = body.get("id").asText();
        assertTrue(tenantId.startsWith("ten_"));
        assertEquals("standard", body.get("tier").asText());
        assertEquals("ACTIVE", body.get("status").asText());
        assertEquals(appClients.created.get(0), body.get("clientId").asText());
        assertEquals("secret-" + appClients.created.get(0), body.get("clientSecret").asText());
        assertEquals("no-store", r.getHeaders().get("Cache-Control"));
        assertEquals("/v1/tenants/" + tenantId, r.getHeaders().get("Location"));
        assertEquals(Scopes.TENANT_SCOPES, appClients.lastScopes, "a tenant's client gets every business scope, never admin");

        Client stored = tenants.clients.get(body.get("clientId").asText());
        assertEquals(tenantId, stored.tenantId());
        assertEquals(Tier.STANDARD, tenants.tenants.get(tenantId).tier());
    }

    @Test
    void onlyTheAdminScopeMayOnboard() {
        ProxyResponseEvent r = openApi.call(new CreateTenantHandler(service),
                withScopes(event("create-tenant.json"), "partners/write partners/read"));

        assertEquals(403, r.getStatusCode());
        assertTrue(appClients.created.isEmpty());
        assertTrue(tenants.tenants.isEmpty());
    }

    @Test
    void badBodiesNameEachField() {
        ProxyRequestEvent event = withBody(event("create-tenant.json"), "{\"tier\":\"gold\",\"tenantId\":\"x\"}");
        ProxyResponseEvent r = openApi.call(new CreateTenantHandler(service), event);

        assertEquals(400, r.getStatusCode());
        List<String> fields = new ArrayList<>();
        json(r).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("tenantId", "name", "tier"), fields);
        assertTrue(appClients.created.isEmpty());
    }

    @Test
    void aFailedRecordWriteDeletesTheNewAppClientAgain() {
        tenants.failCreate = new UnavailableException("busy", 1, null);

        ProxyResponseEvent r = openApi.call(new CreateTenantHandler(service), event("create-tenant.json"));

        assertEquals(503, r.getStatusCode());
        assertEquals(appClients.created, appClients.deleted, "no app client may outlive a failed onboarding");
        assertTrue(tenants.tenants.isEmpty());
    }

    @Test
    void getShowsTheTenantWithItsVersion() {
        existing(Tier.BASIC);
        ProxyResponseEvent r = openApi.call(new GetTenantHandler(service), event("get-tenant.json"));

        assertEquals(200, r.getStatusCode());
        assertEquals("\"1\"", r.getHeaders().get("ETag"));
        assertEquals("basic", json(r).get("tier").asText());
    }

    @Test
    void anUnknownTenantIs404() {
        ProxyResponseEvent r = openApi.call(new GetTenantHandler(service), event("get-tenant.json"));
        assertEquals(404, r.getStatusCode());
    }

    @Test
    void patchChangesTierAndStatusWithTheCurrentVersionOnly() {
        existing(Tier.BASIC);
        UpdateTenantHandler handler = new UpdateTenantHandler(service);

        assertEquals(428, openApi.call(handler, withHeader(event("update-tenant.json"), "If-Match", null)).getStatusCode());
        assertEquals(412, openApi.call(handler, withHeader(event("update-tenant.json"), "If-Match", "\"7\"")).getStatusCode());

        ProxyResponseEvent r = openApi.call(handler, event("update-tenant.json"));
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("\"2\"", r.getHeaders().get("ETag"));
        assertEquals(Tier.PREMIUM, tenants.tenants.get(TENANT).tier());
        assertEquals(TenantStatus.SUSPENDED, tenants.tenants.get(TENANT).status());
    }

    @Test
    void meShowsAnyVerifiedCallerItself() {
        ProxyResponseEvent r = openApi.call(new MeHandler(), event("me.json"));

        assertEquals(200, r.getStatusCode());
        JsonNode body = json(r);
        assertEquals(TENANT, body.get("tenantId").asText());
        assertEquals("basic", body.get("tier").asText());
        assertEquals("[\"orders/write\",\"partners/read\"]", body.get("scopes").toString());
        assertNotNull(body.get("clientId"));
    }

    @Test
    void meWithoutAVerifiedCallerIs401() {
        ProxyRequestEvent event = event("me.json");
        event.getRequestContext().setAuthorizer(null);
        assertEquals(401, openApi.call(new MeHandler(), event).getStatusCode());
    }
}
