package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.AmountOutOfRangeException;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbTransactionRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static DynamoDbClient client;
    private static String transactionTable;
    private static DynamoDbContractRepository contracts;
    private static DynamoDbTransactionRepository transactions;
    private static DynamoDbPartnerRepository partners;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("transaction-repo-test");
        client = tables.client();
        transactionTable = tables.name("TransactionTable");
        contracts = new DynamoDbContractRepository(client, tables.name("ContractTable"), tables.name("PartnerTable"));
        transactions = new DynamoDbTransactionRepository(client, transactionTable, tables.name("ContractTable"));
        partners = new DynamoDbPartnerRepository(client, tables.enhanced(), tables.name("PartnerTable"));
    }

    /** A contract of a new partner, in {@code status}, in {@code currency}. */
    private static Contract contract(String tenant, String id, ContractStatus status, String currency) {
        partners.create(new Partner(tenant, "p-" + id, "P", "p@example.test", "DE", null, PartnerStatus.ACTIVE, 0, 1, T0, T0));
        Contract contract = contracts.create(new Contract(tenant, id, "p-" + id, "C", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2027-01-01"), Money.of("500.00", currency), Money.zero(currency), ContractStatus.DRAFT, 1, T0, T0));
        if (status != ContractStatus.DRAFT) {
            contract = contracts.move(contract, ContractStatus.ACTIVE, T0);
        }
        if (status == ContractStatus.TERMINATED) {
            contract = contracts.move(contract, ContractStatus.TERMINATED, T0);
        }
        return contract;
    }

    private static Transaction tx(String tenant, String id, String contractId, TransactionType type, String amount, String currency, Instant at) {
        return new Transaction(tenant, id, contractId, type, Money.of(amount, currency), "ref-" + id, at);
    }

    private static BigDecimal balance(String tenant, String contractId) {
        return contracts.find(tenant, contractId).orElseThrow().balance().amount();
    }

    @Test
    void chargesAndRefundsMoveTheBalanceWithTheRecord() {
        contract("tA", "c1", ContractStatus.ACTIVE, "EUR");
        transactions.record(tx("tA", "t1", "c1", TransactionType.CHARGE, "120.50", "EUR", T0));
        transactions.record(tx("tA", "t2", "c1", TransactionType.REFUND, "20.25", "EUR", T0.plusSeconds(1)));

        assertEquals(new BigDecimal("100.25"), balance("tA", "c1"));
        Contract after = contracts.find("tA", "c1").orElseThrow();
        assertEquals(4, after.version(), "each balance change is a new version of the contract");
        Transaction stored = transactions.find("tA", "t1").orElseThrow();
        assertEquals(tx("tA", "t1", "c1", TransactionType.CHARGE, "120.50", "EUR", T0), stored);
        assertTrue(transactions.find("tB", "t1").isEmpty());

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(transactionTable)
                .key(Map.of("pk", AttributeValue.fromS("TENANT#tA#TRANSACTION#t1")))).item();
        assertEquals("TENANT#tA#CONTRACT#c1", item.get("gsi3pk").s());
        assertEquals("120.5", item.get("amount").n());
        assertEquals("EUR", item.get("currency").s());
    }

    @Test
    void aRefundBelowZeroAnInactiveContractOrAnotherCurrencyWriteNothing() {
        contract("tRules", "active", ContractStatus.ACTIVE, "EUR");
        contract("tRules", "draft", ContractStatus.DRAFT, "EUR");
        contract("tRules", "ended", ContractStatus.TERMINATED, "EUR");
        transactions.record(tx("tRules", "t1", "active", TransactionType.CHARGE, "10.00", "EUR", T0));

        ConflictException below = assertThrows(ConflictException.class,
                () -> transactions.record(tx("tRules", "t2", "active", TransactionType.REFUND, "10.01", "EUR", T0)));
        assertTrue(below.detail().contains("below zero"), below.detail());
        ConflictException currency = assertThrows(ConflictException.class,
                () -> transactions.record(tx("tRules", "t3", "active", TransactionType.CHARGE, "1.00", "USD", T0)));
        assertTrue(currency.detail().contains("EUR"), currency.detail());
        assertThrows(ConflictException.class, () -> transactions.record(tx("tRules", "t4", "draft", TransactionType.CHARGE, "1", "EUR", T0)));
        assertThrows(ConflictException.class, () -> transactions.record(tx("tRules", "t5", "ended", TransactionType.CHARGE, "1", "EUR", T0)));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> transactions.record(tx("tRules", "t6", "nope", TransactionType.CHARGE, "1", "EUR", T0)));
        assertTrue(missing.detail().startsWith("contractId"), missing.detail());
        // a contract of another tenant is not found either
        assertThrows(NotFoundException.class, () -> transactions.record(tx("tOther", "t7", "active", TransactionType.CHARGE, "1", "EUR", T0)));

        for (String id : List.of("t2", "t3", "t4", "t5", "t6")) {
            assertTrue(transactions.find("tRules", id).isEmpty(), id);
        }
        assertTrue(transactions.find("tOther", "t7").isEmpty());
        assertEquals(new BigDecimal("10.00"), balance("tRules", "active"));

        transactions.record(tx("tRules", "t8", "active", TransactionType.REFUND, "10.00", "EUR", T0));
        assertEquals(new BigDecimal("0.00"), balance("tRules", "active"));
    }

    @Test
    void aChargeTakingTheBalancePastFifteenIntegerDigitsIsAConflictAndWritesNothing() {
        contract("tMax", "c1", ContractStatus.ACTIVE, "EUR");
        transactions.record(tx("tMax", "t1", "c1", TransactionType.CHARGE, "999999999999999.99", "EUR", T0));

        AmountOutOfRangeException past = assertThrows(AmountOutOfRangeException.class,
                () -> transactions.record(tx("tMax", "t2", "c1", TransactionType.CHARGE, "0.01", "EUR", T0.plusSeconds(1))));
        assertTrue(past.detail().contains("balance"), past.detail());
        assertTrue(transactions.find("tMax", "t2").isEmpty());
        assertEquals(new BigDecimal("999999999999999.99"), balance("tMax", "c1"));

        transactions.record(tx("tMax", "t3", "c1", TransactionType.REFUND, "0.99", "EUR", T0.plusSeconds(2)));
        transactions.record(tx("tMax", "t4", "c1", TransactionType.CHARGE, "0.99", "EUR", T0.plusSeconds(3)));
        assertEquals(new BigDecimal("999999999999999.99"), balance("tMax", "c1"), "up to the bound, not past it");
    }

    @Test
    void concurrentRefundsNeverTakeTheBalanceBelowZero() throws Exception {
        contract("tRace", "c1", ContractStatus.ACTIVE, "EUR");
        transactions.record(tx("tRace", "seed", "c1", TransactionType.CHARGE, "100.00", "EUR", T0));

        int refunds = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(refunds);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < refunds; i++) {
                String id = "r" + i;
                Callable<String> refund = () -> {
                    start.await();
                    try {
                        transactions.record(tx("tRace", id, "c1", TransactionType.REFUND, "7.00", "EUR", T0.plusMillis(1)));
                        return "ok";
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                };
                outcomes.add(pool.submit(refund));
            }
            start.countDown();
            int ok = 0;
            for (Future<String> outcome : outcomes) {
                ok += outcome.get().equals("ok") ? 1 : 0;
            }
            assertEquals(14, ok, "100.00 holds exactly 14 refunds of 7.00");
            assertEquals(new BigDecimal("2.00"), balance("tRace", "c1"));
            int stored = 0;
            Map<String, String> startKey = Map.of();
            do {
                Page<Transaction> page = transactions.listByContract("tRace", "c1", 100, startKey);
                stored += page.items().size();
                startKey = page.lastKey();
            } while (!startKey.isEmpty());
            assertEquals(15, stored, "the seed charge and exactly the refunds that succeeded");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void listsAContractsTransactionsNewestFirstAcrossPages() {
        contract("tList", "c1", ContractStatus.ACTIVE, "JPY");
        contract("tList", "c2", ContractStatus.ACTIVE, "JPY");
        for (int i = 0; i < 5; i++) {
            transactions.record(tx("tList", "t" + i, "c1", TransactionType.CHARGE, "100", "JPY", T0.plusSeconds(i)));
        }
        transactions.record(tx("tList", "other", "c2", TransactionType.CHARGE, "1", "JPY", T0));

        List<String> ids = new ArrayList<>();
        Map<String, String> start = Map.of();
        do {
            Page<Transaction> page = transactions.listByContract("tList", "c1", 2, start);
            page.items().forEach(t -> ids.add(t.id()));
            start = page.lastKey();
        } while (!start.isEmpty());
        assertEquals(List.of("t4", "t3", "t2", "t1", "t0"), ids);
        assertEquals(new BigDecimal("500"), balance("tList", "c1"));
        assertTrue(transactions.listByContract("tOther", "c1", 10, Map.of()).items().isEmpty());
    }
}
