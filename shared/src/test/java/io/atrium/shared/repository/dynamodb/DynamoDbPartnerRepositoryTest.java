package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbPartnerRepositoryTest {
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbPartnerRepository repository;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("partner-repo-test");
        client = tables.client();
        table = tables.name("PartnerTable");
        repository = new DynamoDbPartnerRepository(client, tables.enhanced(), table);
    }

    private static Partner partner(String tenant, String id, PartnerStatus status, Instant created) {
        return new Partner(tenant, id, "Acme " + id, id + "@acme.test", "DE", null, status, 0, 1, created, created);
    }

    @Test
    void storesTenantScopedKeysAndReadsOnlyWithinTheTenant() {
        repository.create(partner("repoA", "p1", PartnerStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z")));

        Map<String, AttributeValue> stored = client.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#repoA#PARTNER#p1")))).item();
        assertEquals("Acme p1", stored.get("name").s());
        assertEquals("1", stored.get("version").n());
        assertEquals("TENANT#repoA#PARTNERS", stored.get("gsi1pk").s());

        assertEquals("Acme p1", repository.find("repoA", "p1").orElseThrow().name());
        assertTrue(repository.find("repoB", "p1").isEmpty());
    }

    @Test
    void listsNewestFirstAcrossPagesAndByStatus() {
        Instant base = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            repository.create(partner("repoList", "p" + i, i % 2 == 0 ? PartnerStatus.ACTIVE : PartnerStatus.SUSPENDED, base.plusSeconds(i)));
        }
        repository.create(partner("repoOther", "x1", PartnerStatus.ACTIVE, base));

        List<String> ids = new ArrayList<>();
        Map<String, String> start = Map.of();
        int pages = 0;
        do {
            Page<Partner> page = repository.list("repoList", Optional.empty(), 2, start);
            page.items().forEach(p -> ids.add(p.id()));
            start = page.lastKey();
            pages++;
        } while (!start.isEmpty() && pages < 10);
        assertEquals(List.of("p4", "p3", "p2", "p1", "p0"), ids);

        List<String> suspended = repository.list("repoList", Optional.of(PartnerStatus.SUSPENDED), 10, Map.of())
                .items().stream().map(Partner::id).toList();
        assertEquals(List.of("p3", "p1"), suspended);
    }

    @Test
    void updateChecksTheVersionAndKeepsTheContractCounter() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        Partner created = repository.create(partner("repoUpd", "p1", PartnerStatus.ACTIVE, now));
        // the contract flow bumps the counter without touching the version
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("TENANT#repoUpd#PARTNER#p1")))
                .updateExpression("SET activeContracts = :two").expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));

        Partner changed = created.withDetails("New name", "new@acme.test", "FR", "FR123", PartnerStatus.SUSPENDED, now.plusSeconds(5));
        Partner updated = repository.update(changed, 1);
        assertEquals(2, updated.version());
        assertEquals("New name", updated.name());
        assertEquals(2, updated.activeContracts());
        assertEquals(List.of("p1"), repository.list("repoUpd", Optional.of(PartnerStatus.SUSPENDED), 10, Map.of())
                .items().stream().map(Partner::id).toList());

        Partner late = created.withDetails("Late name", "new@acme.test", "FR", "FR123", PartnerStatus.SUSPENDED, now.plusSeconds(6));
        assertThrows(PreconditionFailedException.class, () -> repository.update(late, 1));
        // the same update sent again (as the SDK retries one whose answer was lost) finds its own result: RetriedWrite
        assertEquals(updated, repository.update(changed, 1));
        assertThrows(NotFoundException.class, () -> repository.update(partner("repoOtherTenant", "p1", PartnerStatus.ACTIVE, now), 1));
        assertEquals("New name", repository.find("repoUpd", "p1").orElseThrow().name());

        Partner withoutTax = updated.withDetails("New name", "new@acme.test", "FR", null, PartnerStatus.SUSPENDED, now.plusSeconds(9));
        assertNull(repository.update(withoutTax, 2).taxId());
    }

    @Test
    void deleteRefusesWhileContractsAreActiveOrTheVersionMoved() {
        Instant now = Instant.parse("2026-04-01T00:00:00Z");
        repository.create(partner("repoDel", "p1", PartnerStatus.ACTIVE, now));
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("TENANT#repoDel#PARTNER#p1")))
                .updateExpression("SET activeContracts = :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));

        assertThrows(ConflictException.class, () -> repository.delete("repoDel", "p1", 1));
        assertThrows(PreconditionFailedException.class, () -> repository.delete("repoDel", "p1", 5));
        assertThrows(NotFoundException.class, () -> repository.delete("someoneElse", "p1", 1));
        assertTrue(repository.find("repoDel", "p1").isPresent());

        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("TENANT#repoDel#PARTNER#p1")))
                .updateExpression("SET activeContracts = :zero").expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
        repository.delete("repoDel", "p1", 1);
        assertFalse(repository.find("repoDel", "p1").isPresent());
    }
}
