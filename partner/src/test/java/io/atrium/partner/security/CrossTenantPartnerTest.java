package io.atrium.partner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import io.atrium.local.junit.ApiClients.TenantClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real tenants, onboarded through the tenant API, each with its own token: tenant B cannot read, list,
 * change or delete tenant A's partner on any route (404, as if it did not exist), A's partner is untouched,
 * and each attempt is logged as a security event naming both tenants.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantPartnerTest {
    @RegisterExtension
    static final LocalSystemExtension SYSTEM = AuthSystem.extension();

    private AuthSystem auth;
    private TenantClient a;
    private TenantClient b;
    private String tokenA;
    private String tokenB;
    private String partnerOfA;

    @BeforeAll
    void twoTenants(LocalSystem system) {
        auth = new AuthSystem(system.runtime());
        a = auth.clients.onboard("Tenant A", "standard");
        b = auth.clients.onboard("Tenant B", "standard");
        tokenA = auth.clients.token(a);
        tokenB = auth.clients.token(b);
        HttpResponse<String> created = AuthSystem.send(AuthSystem.request(auth.partners(), tokenA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Globex\",\"email\":\"ops@globex.example\",\"country\":\"DE\"}"))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        partnerOfA = AuthSystem.json(created).get("id").asText();
    }

    private URI partnerUri() {
        return URI.create(auth.partners() + "/" + partnerOfA);
    }

    @Test
    void getOfAnotherTenantsPartnerIs404AndLogged() {
        HttpResponse<String> r = AuthSystem.send(AuthSystem.request(partnerUri(), tokenB).GET().build());

        assertNotFound(r);
        assertSecurityEvent("getPartner");
    }

    @Test
    void updateOfAnotherTenantsPartnerIs404AndLogged() {
        HttpResponse<String> r = AuthSystem.send(AuthSystem.request(partnerUri(), tokenB)
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Hijacked\",\"email\":\"x@evil.example\",\"country\":\"FR\"}"))
                .build());

        assertNotFound(r);
        assertSecurityEvent("updatePartner");
        assertUnchangedForA();
    }

    @Test
    void deleteOfAnotherTenantsPartnerIs404AndLogged() {
        HttpResponse<String> r = AuthSystem.send(AuthSystem.request(partnerUri(), tokenB).header("If-Match", "\"1\"")
                .DELETE().build());

        assertNotFound(r);
        assertSecurityEvent("deletePartner");
        assertUnchangedForA();
    }

    @Test
    void listShowsOnlyTheCallersPartners() {
        HttpResponse<String> listB = AuthSystem.send(AuthSystem.request(auth.partners(), tokenB).GET().build());
        HttpResponse<String> listA = AuthSystem.send(AuthSystem.request(auth.partners(), tokenA).GET().build());

        assertEquals(200, listB.statusCode(), listB.body());
        assertFalse(listB.body().contains(partnerOfA), listB.body());
        assertEquals(0, AuthSystem.json(listB).get("items").size());
        assertTrue(listA.body().contains(partnerOfA), listA.body());
    }

    @Test
    void anotherTenantsPageTokenIsRefused() {
        for (int i = 0; i < 2; i++) {
            AuthSystem.send(AuthSystem.request(auth.partners(), tokenA).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"P" + i + "\",\"email\":\"p" + i
                            + "@globex.example\",\"country\":\"DE\"}")).build());
        }
        HttpResponse<String> page = AuthSystem.send(AuthSystem.request(URI.create(auth.partners() + "?limit=1"), tokenA)
                .GET().build());
        String next = AuthSystem.json(page).get("nextToken").asText();

        HttpResponse<String> replayed = AuthSystem.send(AuthSystem.request(URI.create(auth.partners() + "?limit=1&nextToken="
                + next), tokenB).GET().build());
        assertEquals(400, replayed.statusCode(), replayed.body());
    }

    @Test
    void theTenantIdComesOnlyFromTheToken() {
        // a tenant id smuggled into query and body changes nothing: B still sees only B's data
        HttpResponse<String> r = AuthSystem.send(AuthSystem.request(URI.create(auth.partners() + "?tenantId=" + a.tenantId()),
                tokenB).GET().build());
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains(partnerOfA));

        HttpResponse<String> created = AuthSystem.send(AuthSystem.request(auth.partners(), tokenB)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"X\",\"email\":\"x@b.example\",\"country\":\"DE\",\"tenantId\":\""
                        + a.tenantId() + "\"}")).build());
        assertEquals(400, created.statusCode(), created.body());
        assertTrue(created.body().contains("tenantId"), created.body());
    }

    private void assertNotFound(HttpResponse<String> r) {
        assertEquals(404, r.statusCode(), r.body());
        JsonNode body = AuthSystem.json(r);
        assertEquals("urn:atrium:problem:not-found", body.get("type").asText());
        assertFalse(r.body().contains(a.tenantId()), "the answer must not reveal the owner: " + r.body());
    }

    private void assertUnchangedForA() {
        HttpResponse<String> mine = AuthSystem.send(AuthSystem.request(partnerUri(), tokenA).GET().build());
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals("Globex", AuthSystem.json(mine).get("name").asText());
        assertEquals(1, AuthSystem.json(mine).get("version").asLong());
    }

    private void assertSecurityEvent(String operation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<String> lines;
        do {
            lines = AuthSystem.logLinesWith("\"securityEvent\":\"cross-tenant-access\"", "\"operation\":\"" + operation + "\"",
                    "\"tenantId\":\"" + b.tenantId() + "\"", "\"ownerTenantId\":\"" + a.tenantId() + "\"",
                    "\"resourceId\":\"" + partnerOfA + "\"");
        } while (lines.isEmpty() && System.nanoTime() < deadline);
        assertFalse(lines.isEmpty(), "no cross-tenant security event for " + operation);
    }
}
