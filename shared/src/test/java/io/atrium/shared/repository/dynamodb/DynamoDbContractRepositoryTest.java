package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.contract.EndedContract;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbContractRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static DynamoDbClient client;
    private static String contractTable;
    private static String partnerTable;
    private static DynamoDbContractRepository contracts;
    private static DynamoDbPartnerRepository partners;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("contract-repo-test");
        client = tables.client();
        contractTable = tables.name("ContractTable");
        partnerTable = tables.name("PartnerTable");
        contracts = new DynamoDbContractRepository(client, contractTable, partnerTable);
        partners = new DynamoDbPartnerRepository(client, tables.enhanced(), partnerTable);
    }

    private static void partner(String tenant, String id) {
        partners.create(new Partner(tenant, id, "Partner " + id, id + "@example.test", "DE", null, PartnerStatus.ACTIVE, 0, 1, T0, T0));
    }

    private static Contract draft(String tenant, String id, String partnerId, Instant created) {
        return new Contract(tenant, id, partnerId, "Contract " + id, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                Money.of("1000.00", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, created, created);
    }

    private static long activeContracts(String tenant, String partnerId) {
        return partners.find(tenant, partnerId).orElseThrow().activeContracts();
    }

    private static Map<String, AttributeValue> stored(String tenant, String contractId) {
        return client.getItem(r -> r.tableName(contractTable)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant + "#CONTRACT#" + contractId)))).item();
    }

    @Test
    void createNeedsThePartnerInTheSameTenant() {
        partner("cA", "p1");
        contracts.create(draft("cA", "c1", "p1", T0));

        Map<String, AttributeValue> item = stored("cA", "c1");
        assertEquals("TENANT#cA#CONTRACTS", item.get("gsi1pk").s());
        assertEquals("TENANT#cA#CONTRACTS#STATUS#DRAFT", item.get("gsi2pk").s());
        assertEquals("TENANT#cA#PARTNER#p1", item.get("gsi3pk").s());
        assertEquals("0", item.get("balance").n());
        assertFalse(item.containsKey("gsi4pk"));
        Contract found = contracts.find("cA", "c1").orElseThrow();
        assertEquals(new BigDecimal("1000.00").compareTo(found.value().amount()), 0);
        assertEquals("EUR", found.balance().currency());
        assertTrue(contracts.find("cB", "c1").isEmpty());

        // the partner exists, but in another tenant: exactly as if it did not exist
        NotFoundException missing = assertThrows(NotFoundException.class, () -> contracts.create(draft("cB", "c2", "p1", T0)));
        assertTrue(missing.detail().contains("partnerId"), missing.detail());
        assertTrue(contracts.find("cB", "c2").isEmpty());
        assertThrows(ConflictException.class, () -> contracts.create(draft("cA", "c1", "p1", T0)));
    }

    @Test
    void activationAndTerminationMoveThePartnersCounterInTheSameTransaction() {
        partner("cMove", "p1");
        Contract draft = contracts.create(draft("cMove", "c1", "p1", T0));

        Contract active = contracts.move(draft, ContractStatus.ACTIVE, T0.plusSeconds(1));
        assertEquals(2, active.version());
        assertEquals(1, activeContracts("cMove", "p1"));
        Map<String, AttributeValue> item = stored("cMove", "c1");
        assertEquals("ACTIVE", item.get("gsi4pk").s());
        assertEquals("2026-12-31#cMove#c1", item.get("gsi4sk").s());
        assertEquals("TENANT#cMove#CONTRACTS#STATUS#ACTIVE", item.get("gsi2pk").s());
        assertEquals(active, contracts.find("cMove", "c1").orElseThrow());

        // the partner cannot be deleted while the contract is active
        assertThrows(ConflictException.class, () -> partners.delete("cMove", "p1", 1));

        // a stale read (version 1) moves nothing, the counter included
        assertThrows(PreconditionFailedException.class, () -> contracts.move(draft, ContractStatus.ACTIVE, T0.plusSeconds(2)));
        assertEquals(1, activeContracts("cMove", "p1"));

        Contract terminated = contracts.move(active, ContractStatus.TERMINATED, T0.plusSeconds(3));
        assertEquals(3, terminated.version());
        assertEquals(0, activeContracts("cMove", "p1"));
        item = stored("cMove", "c1");
        assertNull(item.get("gsi4pk"));
        assertNull(item.get("gsi4sk"));
        assertEquals("TERMINATED", item.get("status").s());

        partners.delete("cMove", "p1", 1);
        assertThrows(NotFoundException.class, () -> contracts.move(draft("cMove", "nope", "p1", T0), ContractStatus.ACTIVE, T0));
    }

    @Test
    void activatingForADeletedPartnerIsAConflictAndChangesNothing() {
        partner("cGone", "p1");
        Contract draft = contracts.create(draft("cGone", "c1", "p1", T0));
        partners.delete("cGone", "p1", 1);

        assertThrows(ConflictException.class, () -> contracts.move(draft, ContractStatus.ACTIVE, T0.plusSeconds(1)));
        assertEquals(ContractStatus.DRAFT, contracts.find("cGone", "c1").orElseThrow().status());
        assertTrue(partners.find("cGone", "p1").isEmpty());
    }

    @Test
    void concurrentActivationsOfOnePartnersContractsAreAllCounted() throws Exception {
        partner("cCount", "p1");
        List<Contract> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(contracts.create(draft("cCount", "c" + i, "p1", T0.plusSeconds(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Contract>> done = new ArrayList<>();
            for (Contract d : drafts) {
                done.add(pool.submit(() -> contracts.move(d, ContractStatus.ACTIVE, T0.plusSeconds(60))));
            }
            for (Future<Contract> f : done) {
                assertEquals(ContractStatus.ACTIVE, f.get().status());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(12, activeContracts("cCount", "p1"));
    }

    @Test
    void listsNewestFirstByTenantStatusPartnerAndBoth() {
        partner("cList", "p1");
        partner("cList", "p2");
        for (int i = 0; i < 7; i++) {
            Contract c = contracts.create(draft("cList", "c" + i, i % 2 == 0 ? "p1" : "p2", T0.plusSeconds(i)));
            if (i % 3 == 0) {
                contracts.move(c, ContractStatus.ACTIVE, T0.plusSeconds(100));
            }
        }
        partner("cListOther", "p1");
        contracts.create(draft("cListOther", "x", "p1", T0));

        assertEquals(List.of("c6", "c5", "c4", "c3", "c2", "c1", "c0"), allPages(ContractQuery.all(), 3));
        assertEquals(List.of("c6", "c3", "c0"), allPages(new ContractQuery(Optional.empty(), Optional.of(ContractStatus.ACTIVE)), 2));
        assertEquals(List.of("c6", "c4", "c2", "c0"), allPages(new ContractQuery(Optional.of("p1"), Optional.empty()), 3));
        assertEquals(List.of("c6", "c0"), allPages(new ContractQuery(Optional.of("p1"), Optional.of(ContractStatus.ACTIVE)), 1));
        assertEquals(List.of("c4", "c2"), allPages(new ContractQuery(Optional.of("p1"), Optional.of(ContractStatus.DRAFT)), 5));
        assertEquals(List.of(), allPages(new ContractQuery(Optional.of("p2"), Optional.of(ContractStatus.EXPIRED)), 5));

        Page<Contract> first = contracts.list("cList", new ContractQuery(Optional.of("p1"), Optional.of(ContractStatus.ACTIVE)), 1, Map.of());
        assertEquals(1, first.items().size());
        assertTrue(first.hasMore());
        first.lastKey().forEach((name, value) -> {
            if (name.endsWith("pk")) {
                assertTrue(value.startsWith("TENANT#cList#"), name + "=" + value);
            }
        });
    }

    private static List<String> allPages(ContractQuery query, int limit) {
        List<String> ids = new ArrayList<>();
        Map<String, String> start = Map.of();
        for (int pages = 0; pages < 20; pages++) {
            Page<Contract> page = contracts.list("cList", query, limit, start);
            assertTrue(page.items().size() <= limit);
            page.items().forEach(c -> ids.add(c.id()));
            if (!page.hasMore()) {
                return ids;
            }
            start = page.lastKey();
        }
        throw new AssertionError("no last page");
    }

    @Test
    void theExpiryIndexHoldsOnlyActiveContractsByEndDate() {
        partner("cEnd", "p1");
        Contract ended = contracts.move(contracts.create(new Contract("cEnd", "old", "p1", "Old", LocalDate.parse("2020-01-01"),
                LocalDate.parse("2020-06-30"), Money.of("10", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, T0, T0)),
                ContractStatus.ACTIVE, T0);
        contracts.create(new Contract("cEnd", "draft", "p1", "Draft", LocalDate.parse("2020-01-01"), LocalDate.parse("2020-06-30"),
                Money.of("10", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, T0, T0));

        List<EndedContract> due = contracts.findEnded(LocalDate.parse("2020-07-01"), 100, Map.of()).items().stream()
                .filter(e -> e.tenantId().equals("cEnd")).toList();
        assertEquals(List.of(new EndedContract("cEnd", "old", LocalDate.parse("2020-06-30"))), due);
        assertTrue(contracts.findEnded(LocalDate.parse("2020-06-30"), 100, Map.of()).items().stream()
                .noneMatch(e -> e.tenantId().equals("cEnd")), "not yet ended on its end date");

        Contract expired = contracts.move(ended, ContractStatus.EXPIRED, T0.plusSeconds(5));
        assertEquals(ContractStatus.EXPIRED, expired.status());
        assertEquals(0, activeContracts("cEnd", "p1"));
        assertTrue(contracts.findEnded(LocalDate.parse("2020-07-01"), 100, Map.of()).items().stream()
                .noneMatch(e -> e.tenantId().equals("cEnd")));
    }
}
