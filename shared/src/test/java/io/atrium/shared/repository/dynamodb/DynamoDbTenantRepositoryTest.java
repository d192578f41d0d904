package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.tenant.Scopes;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.testing.TestTables;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** TenantTable on DynamoDB Local, created from shared/template.yaml. */
class DynamoDbTenantRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbTenantRepository tenants;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("tenant-repo-test");
        client = tables.client();
        table = tables.name("TenantTable");
        tenants = new DynamoDbTenantRepository(client, tables.enhanced(), table);
    }

    private static Tenant tenant(Tier tier) {
        return new Tenant(OwnedIds.newTenantId(), "Acme", tier, TenantStatus.ACTIVE, 1, T0, T0);
    }

    private static Client client(String tenantId, String clientId) {
        return new Client(tenantId, clientId, "default", Scopes.TENANT_SCOPES, T0);
    }

    @Test
    void aTenantAndItsFirstClientAreStoredTogetherUnderTenantScopedKeys() {
        Tenant t = tenant(Tier.BASIC);
        tenants.create(t, client(t.id(), "clientaaaaaaaaaaaaaaaaaaaa"));

        assertEquals(t, tenants.find(t.id()).orElseThrow());
        assertEquals(Scopes.TENANT_SCOPES, tenants.findClient(t.id(), "clientaaaaaaaaaaaaaaaaaaaa").orElseThrow().scopes());
        assertEquals(t.id(), tenants.findClientById("clientaaaaaaaaaaaaaaaaaaaa").orElseThrow().tenantId());
        Map<String, AttributeValue> raw = client.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + t.id() + "#CLIENT#clientaaaaaaaaaaaaaaaaaaaa")))).item();
        assertEquals("CLIENT#clientaaaaaaaaaaaaaaaaaaaa", raw.get("gsi1pk").s());
        assertTrue(client.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + t.id() + "#TENANT")))).hasItem());
    }

    @Test
    void aClientIsNotFoundUnderAnotherTenant() {
        Tenant a = tenant(Tier.BASIC);
        Tenant b = tenant(Tier.BASIC);
        tenants.create(a, client(a.id(), "clientbbbbbbbbbbbbbbbbbbbb"));
        tenants.create(b, client(b.id(), "clientcccccccccccccccccccc"));

        assertTrue(tenants.findClient(b.id(), "clientbbbbbbbbbbbbbbbbbbbb").isEmpty());
        assertTrue(tenants.findClientById("clientunknownxxxxxxxxxxxxx").isEmpty());
    }

    @Test
    void anExistingTenantIdWritesNeitherTenantNorClient() {
        Tenant a = tenant(Tier.BASIC);
        tenants.create(a, client(a.id(), "clientdddddddddddddddddddd"));

        assertThrows(ConflictException.class, () -> tenants.create(a, client(a.id(), "clientffffffffffffffffffff")));
        assertTrue(tenants.findClientById("clientffffffffffffffffffff").isEmpty(), "the transaction wrote half");
    }

    @Test
    void aClientIdClaimedByTwoTenantsIssuesTokensForNeither() {
        Tenant a = tenant(Tier.BASIC);
        Tenant b = tenant(Tier.PREMIUM);
        tenants.create(a, client(a.id(), "clientgggggggggggggggggggg"));
        tenants.create(b, client(b.id(), "clientgggggggggggggggggggg"));

        assertTrue(tenants.findClientById("clientgggggggggggggggggggg").isEmpty());
    }

    @Test
    void updateChangesTierAndStatusOnlyFromTheCurrentVersion() {
        Tenant t = tenant(Tier.BASIC);
        tenants.create(t, client(t.id(), "clienteeeeeeeeeeeeeeeeeeee"));

        Tenant changed = tenants.update(t.with(Tier.PREMIUM, TenantStatus.SUSPENDED, T0.plusSeconds(5)), 1);
        assertEquals(2, changed.version());
        assertEquals(Tier.PREMIUM, changed.tier());
        assertEquals(TenantStatus.SUSPENDED, tenants.find(t.id()).orElseThrow().status());

        assertThrows(PreconditionFailedException.class, () -> tenants.update(t.with(Tier.BASIC, TenantStatus.ACTIVE, T0), 1));
        assertThrows(NotFoundException.class, () -> tenants.update(tenant(Tier.BASIC), 1));
    }
}
