package io.atrium.shared.repository.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderLine;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.domain.order.PriceChangedException;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.testing.TestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** OrderTable and the stock in ProductTable against DynamoDB Local: one transaction, all or nothing. */
class DynamoDbOrderRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static DynamoDbOrderRepository orders;
    private static DynamoDbProductRepository products;

    @BeforeAll
    static void tables() {
        TestTables tables = TestTables.create("order-repo-test");
        DynamoDbClient client = tables.client();
        products = new DynamoDbProductRepository(client, tables.enhanced(), tables.name("ProductTable"));
        orders = new DynamoDbOrderRepository(client, tables.enhanced(), tables.name("OrderTable"), tables.name("ProductTable"));
    }

    private static Product product(String tenant, String id, String price, long stock) {
        return products.create(new Product(tenant, id, "SKU-" + id, "Product " + id, Money.of(price, "EUR"), stock, 1, T0, T0));
    }

    private static OrderLine line(Product product, long quantity) {
        return new OrderLine(product.id(), product.sku(), product.name(), quantity, product.price());
    }

    private static Order order(String tenant, String id, Instant at, OrderLine... lines) {
        return new Order(tenant, id, OrderStatus.PENDING, List.of(lines), Order.totalOf(List.of(lines)), 1, at, at);
    }

    private static long stock(String tenant, String productId) {
        return products.find(tenant, productId).orElseThrow().stock();
    }

    @Test
    void placeStoresTheOrderAndTakesEveryLinesStock() {
        Product mug = product("t-place", "mug", "19.99", 10);
        Product tea = product("t-place", "tea", "0.10", 100);

        orders.place(order("t-place", "o1", T0, line(mug, 3), line(tea, 2)));

        Order stored = orders.find("t-place", "o1").orElseThrow();
        assertEquals(OrderStatus.PENDING, stored.status());
        assertEquals(0, new BigDecimal("60.17").compareTo(stored.total().amount()));
        assertEquals("EUR", stored.total().currency());
        assertEquals(List.of("mug", "tea"), stored.lines().stream().map(OrderLine::productId).toList());
        assertEquals(0, new BigDecimal("19.99").compareTo(stored.lines().get(0).unitPrice().amount()));
        assertEquals(7, stock("t-place", "mug"));
        assertEquals(98, stock("t-place", "tea"));
        assertEquals(2, products.find("t-place", "mug").orElseThrow().version(), "a reservation moves the product's version");
    }

    @Test
    void notEnoughStockOnAnyLineReservesNothing() {
        Product plenty = product("t-short", "plenty", "1.00", 50);
        Product scarce = product("t-short", "scarce", "1.00", 2);

        ConflictException e = assertThrows(ConflictException.class,
                () -> orders.place(order("t-short", "o1", T0, line(plenty, 5), line(scarce, 3))));

        assertTrue(e.detail().contains("scarce") && e.detail().contains("2 left"), e.detail());
        assertFalse(e.detail().contains("plenty"), e.detail());
        assertEquals(50, stock("t-short", "plenty"));
        assertEquals(2, stock("t-short", "scarce"));
        assertTrue(orders.find("t-short", "o1").isEmpty());
    }

    @Test
    void aPriceThatMovedSinceItWasReadRefusesThePlacement() {
        Product product = product("t-price", "p", "5.00", 10);
        OrderLine stale = line(product, 1);
        products.update(product.withDetails(product.sku(), product.name(), Money.of("6.00", "EUR"), 10, T0), product.sku(), 1);

        assertThrows(PriceChangedException.class, () -> orders.place(order("t-price", "o1", T0, stale)));
        assertEquals(10, stock("t-price", "p"));
        // "5.0" and "5.00" are the same price: numbers compare as numbers.
        product("t-price", "q", "5.0", 10);
        orders.place(order("t-price", "o2", T0, new OrderLine("q", "SKU-q", "q", 1, Money.of("5.00", "EUR"))));
        assertEquals(9, stock("t-price", "q"));
    }

    @Test
    void aProductThatIsGoneIsNotFoundNamingIt() {
        Product real = product("t-gone", "real", "1.00", 5);
        OrderLine ghost = new OrderLine("ghost", "G", "Ghost", 1, Money.of("1.00", "EUR"));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> orders.place(order("t-gone", "o1", T0, line(real, 1), ghost)));

        assertEquals("ghost", e.resourceId());
        assertEquals(5, stock("t-gone", "real"));
        assertTrue(products.find("t-gone", "ghost").isEmpty(), "a failed reservation must not create a product");
    }

    @Test
    void cancelPutsTheStockBackAndIsFinal() {
        Product product = product("t-cancel", "p", "2.50", 4);
        orders.place(order("t-cancel", "o1", T0, line(product, 3)));
        Order placed = orders.find("t-cancel", "o1").orElseThrow();

        Order cancelled = orders.cancel(placed, 1, T0.plusSeconds(5));

        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(2, cancelled.version());
        Order stored = orders.find("t-cancel", "o1").orElseThrow();
        assertEquals(OrderStatus.CANCELLED, stored.status());
        assertEquals(2, stored.version());
        assertEquals(4, stock("t-cancel", "p"));
        assertThrows(ConflictException.class, () -> orders.cancel(stored, 2, T0));
        assertEquals(4, stock("t-cancel", "p"), "a refused cancel releases nothing");
    }

    @Test
    void cancelWithAStaleVersionOrAMissingOrderReleasesNothing() {
        Product product = product("t-cstale", "p", "2.50", 4);
        orders.place(order("t-cstale", "o1", T0, line(product, 3)));
        Order placed = orders.find("t-cstale", "o1").orElseThrow();

        assertThrows(PreconditionFailedException.class, () -> orders.cancel(placed, 7, T0));
        assertThrows(NotFoundException.class,
                () -> orders.cancel(order("t-cstale", "nope", T0, line(product, 1)), 1, T0));
        assertEquals(1, stock("t-cstale", "p"));
    }

    @Test
    void confirmMovesPendingToConfirmedOnceAndNeverACancelledOrder() {
        Product product = product("t-confirm", "p", "1.00", 10);
        orders.place(order("t-confirm", "o1", T0, line(product, 1)));
        orders.place(order("t-confirm", "o2", T0, line(product, 1)));

        Order confirmed = orders.confirm("t-confirm", "o1", T0.plusSeconds(1));
        assertEquals(OrderStatus.CONFIRMED, confirmed.status());
        assertEquals(2, confirmed.version());
        assertEquals(2, orders.confirm("t-confirm", "o1", T0.plusSeconds(2)).version(), "a redelivery changes nothing");

        orders.cancel(orders.find("t-confirm", "o2").orElseThrow(), 1, T0);
        assertThrows(ConflictException.class, () -> orders.confirm("t-confirm", "o2", T0));
        assertThrows(NotFoundException.class, () -> orders.confirm("t-confirm", "o3", T0));

        Order cancelledFromConfirmed = orders.cancel(orders.find("t-confirm", "o1").orElseThrow(), 2, T0.plusSeconds(3));
        assertEquals(OrderStatus.CANCELLED, cancelledFromConfirmed.status());
        assertEquals(10, stock("t-confirm", "p"));
    }

    @Test
    void listShowsAllOrOneStatusNewestFirst() {
        Product product = product("t-olist", "p", "1.00", 100);
        for (int i = 0; i < 4; i++) {
            orders.place(order("t-olist", "o" + i, T0.plusSeconds(i), line(product, 1)));
        }
        orders.cancel(orders.find("t-olist", "o1").orElseThrow(), 1, T0);

        Page<Order> all = orders.list("t-olist", Optional.empty(), 3, Map.of());
        assertEquals(List.of("o3", "o2", "o1"), all.items().stream().map(Order::id).toList());
        assertEquals(List.of("o0"), orders.list("t-olist", Optional.empty(), 3, all.lastKey()).items().stream().map(Order::id).toList());
        assertEquals(List.of("o3", "o2", "o0"),
                orders.list("t-olist", Optional.of(OrderStatus.PENDING), 10, Map.of()).items().stream().map(Order::id).toList());
        assertEquals(List.of("o1"),
                orders.list("t-olist", Optional.of(OrderStatus.CANCELLED), 10, Map.of()).items().stream().map(Order::id).toList());
        assertTrue(orders.list("t-olist-other", Optional.empty(), 10, Map.of()).items().isEmpty());
    }

    @Test
    void sixtyFourConcurrentPlacementsNeverOversell() throws Exception {
        Product product = product("t-rush", "p", "1.00", 10);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = "o" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        orders.place(order("t-rush", id, T0, line(product, 1)));
                        return "placed";
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertEquals(10, results.stream().filter("placed"::equals).count());
            assertEquals(54, results.stream().filter("conflict"::equals).count());
            assertEquals(0, stock("t-rush", "p"));
            assertEquals(10, orders.list("t-rush", Optional.empty(), 100, Map.of()).items().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOrderOfNinetyNineLinesFitsOneTransaction() {
        OrderLine[] lines = new OrderLine[99];
        for (int i = 0; i < 99; i++) {
            lines[i] = line(product("t-big", "p" + i, "1.00", 1), 1);
        }
        orders.place(order("t-big", "o1", T0, lines));
        assertEquals(0, stock("t-big", "p98"));
        Order cancelled = orders.cancel(orders.find("t-big", "o1").orElseThrow(), 1, T0);
        assertEquals(99, cancelled.lines().size());
        assertEquals(1, stock("t-big", "p0"));
    }
}
