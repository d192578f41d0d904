package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderLine;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every list query of every repository: a page is followed by a resume key only when more items follow, so a last
 * page that is exactly full carries none (API.md: no nextToken on the last page), and paging visits every item once.
 */
class LastPageTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final int COUNT = 6;
    private static DynamoDbPartnerRepository partners;
    private static DynamoDbProductRepository products;
    private static DynamoDbOrderRepository orders;
    private static DynamoDbContractRepository contracts;
    private static DynamoDbTransactionRepository transactions;

    @BeforeAll
    static void sixOfEverything() {
        TestTables tables = TestTables.create("last-page-test");
        partners = new DynamoDbPartnerRepository(tables.client(), tables.enhanced(), tables.name("PartnerTable"));
        products = new DynamoDbProductRepository(tables.client(), tables.enhanced(), tables.name("ProductTable"));
        orders = new DynamoDbOrderRepository(tables.client(), tables.enhanced(), tables.name("OrderTable"), tables.name("ProductTable"));
        contracts = new DynamoDbContractRepository(tables.client(), tables.name("ContractTable"), tables.name("PartnerTable"));
        transactions = new DynamoDbTransactionRepository(tables.client(), tables.name("TransactionTable"), tables.name("ContractTable"));

        partners.create(new Partner("tPage", "p0", "P", "p@example.test", "DE", null, PartnerStatus.ACTIVE, 0, 1, T0, T0));
        Product product = products.create(new Product("tPage", "prd", "SKU", "Mug", Money.of("1.00", "EUR"), 100, 1, T0, T0));
        for (int i = 0; i < COUNT; i++) {
            Instant at = T0.plusSeconds(i);
            partners.create(new Partner("tPage", "p" + (i + 1), "P", "p@example.test", "DE", null, PartnerStatus.ACTIVE, 0, 1, at, at));
            products.create(new Product("tPage", "prd" + i, "SKU-" + i, "Mug", Money.of("1.00", "EUR"), 1, 1, at, at));
            List<OrderLine> lines = List.of(new OrderLine(product.id(), product.sku(), product.name(), 1, product.price()));
            orders.place(new Order("tPage", "o" + i, OrderStatus.PENDING, lines, Order.totalOf(lines), 1, at, at));
            Contract contract = contracts.create(new Contract("tPage", "c" + i, "p0", "C", LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-02-01"), Money.of("10", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, at, at));
            contracts.move(contract, ContractStatus.ACTIVE, at);
        }
        // a seventh, DRAFT contract of the same partner: the partner's partition filtered by ACTIVE holds six of seven
        contracts.create(new Contract("tPage", "c-draft", "p0", "C", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"),
                Money.of("10", "EUR"), Money.zero("EUR"), ContractStatus.DRAFT, 1, T0.plusSeconds(99), T0.plusSeconds(99)));
        for (int i = 0; i < COUNT; i++) {
            transactions.record(new Transaction("tPage", "t" + i, "c0", TransactionType.CHARGE, Money.of("1", "EUR"), "r", T0.plusSeconds(i)));
        }
    }

    /** Pages through a list with {@code limit}, checking every page but the last has a key and the last none. */
    private static <T> List<T> everyPage(BiFunction<Integer, Map<String, String>, Page<T>> list, int limit) {
        List<T> seen = new ArrayList<>();
        Map<String, String> start = Map.of();
        for (int pages = 0; pages < 20; pages++) {
            Page<T> page = list.apply(limit, start);
            seen.addAll(page.items());
            if (!page.hasMore()) {
                assertFalse(page.items().isEmpty() && pages > 0, "a page after a resume key is never empty");
                return seen;
            }
            assertEquals(limit, page.items().size(), "only a full page is followed by another");
            start = page.lastKey();
        }
        throw new AssertionError("paging did not end");
    }

    private static <T> void assertNoKeyOnAnExactlyFullLastPage(String what, int total, BiFunction<Integer, Map<String, String>, Page<T>> list) {
        Page<T> whole = list.apply(total, Map.of());
        assertEquals(total, whole.items().size(), what);
        assertFalse(whole.hasMore(), what + ": one exactly full page is the last");
        assertTrue(list.apply(total - 1, Map.of()).hasMore(), what + ": a page one short is followed by another");
        for (int limit = 1; limit <= total + 1; limit++) {
            List<T> seen = everyPage(list, limit);
            assertEquals(total, seen.size(), what + " with limit " + limit);
            assertEquals(total, seen.stream().distinct().count(), what + " with limit " + limit + ": each item once");
        }
    }

    @Test
    void partnersAllAndByStatus() {
        assertNoKeyOnAnExactlyFullLastPage("partners", COUNT + 1, (limit, start) -> partners.list("tPage", Optional.empty(), limit, start));
        assertNoKeyOnAnExactlyFullLastPage("ACTIVE partners", COUNT + 1,
                (limit, start) -> partners.list("tPage", Optional.of(PartnerStatus.ACTIVE), limit, start));
    }

    @Test
    void products() {
        assertNoKeyOnAnExactlyFullLastPage("products", COUNT + 1, (limit, start) -> products.list("tPage", limit, start));
    }

    @Test
    void ordersAllAndByStatus() {
        assertNoKeyOnAnExactlyFullLastPage("orders", COUNT, (limit, start) -> orders.list("tPage", Optional.empty(), limit, start));
        assertNoKeyOnAnExactlyFullLastPage("PENDING orders", COUNT,
                (limit, start) -> orders.list("tPage", Optional.of(OrderStatus.PENDING), limit, start));
    }

    @Test
    void contractsAllByStatusByPartnerAndFiltered() {
        assertNoKeyOnAnExactlyFullLastPage("contracts", COUNT + 1,
                (limit, start) -> contracts.list("tPage", new ContractQuery(Optional.empty(), Optional.empty()), limit, start));
        assertNoKeyOnAnExactlyFullLastPage("ACTIVE contracts", COUNT,
                (limit, start) -> contracts.list("tPage", new ContractQuery(Optional.empty(), Optional.of(ContractStatus.ACTIVE)), limit, start));
        assertNoKeyOnAnExactlyFullLastPage("the partner's contracts", COUNT + 1,
                (limit, start) -> contracts.list("tPage", new ContractQuery(Optional.of("p0"), Optional.empty()), limit, start));
        assertNoKeyOnAnExactlyFullLastPage("the partner's ACTIVE contracts", COUNT,
                (limit, start) -> contracts.list("tPage", new ContractQuery(Optional.of("p0"), Optional.of(ContractStatus.ACTIVE)), limit, start));
    }

    @Test
    void endedContractsForTheExpirySchedule() {
        // the index spans tenants, but this class's tables hold only these six ACTIVE contracts
        assertNoKeyOnAnExactlyFullLastPage("ended contracts", COUNT,
                (limit, start) -> contracts.findEnded(LocalDate.parse("2026-03-01"), limit, start));
    }

    @Test
    void aContractsTransactions() {
        assertNoKeyOnAnExactlyFullLastPage("transactions", COUNT, (limit, start) -> transactions.listByContract("tPage", "c0", limit, start));
    }
}
