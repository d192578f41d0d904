package io.atrium.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderLine;
import io.atrium.shared.domain.order.OrderRepository;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.domain.order.PriceChangedException;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.product.ProductRepository;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.PageTokens;
import io.atrium.shared.paging.Paginator;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The order rules with the repositories as mocks: pricing, totals, refusals, and what the worker's confirmation finds. */
@ExtendWith(MockitoExtension.class)
class OrderServiceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Mock
    private ProductRepository products;
    @Mock
    private OrderRepository orders;
    private OrderService service;

    @BeforeEach
    void setUp() {
        service = new OrderService(products, orders, new Paginator(new PageTokens("unit-test-secret-0123456789")),
                new OwnedIds(null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Product product(String id, String price, String currency, long stock) {
        return new Product("t1", id, "SKU-" + id, "Name " + id, Money.of(price, currency), stock, 4, NOW, NOW);
    }

    private static Order pending(String id, long version, OrderStatus status) {
        List<OrderLine> lines = List.of(new OrderLine("a", "SKU-a", "A", 2, Money.of("1.00", "EUR")));
        return new Order("t1", id, status, lines, Order.totalOf(lines), version, NOW, NOW);
    }

    @Test
    void placePricesEveryLineFromTheCatalogAndTotalsInDecimals() {
        when(products.findAll(eq("t1"), anyCollection())).thenReturn(Map.of(
                "a", product("a", "19.99", "EUR", 10), "b", product("b", "0.10", "EUR", 10), "c", product("c", "0.0001", "EUR", 10)));
        when(orders.place(any())).thenAnswer(call -> call.getArgument(0));

        Order order = service.place("t1", List.of(new RequestedLine("a", 3), new RequestedLine("b", 2), new RequestedLine("c", 3)));

        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(1, order.version());
        assertEquals(0, new BigDecimal("60.1703").compareTo(order.total().amount()), order.total().amount().toPlainString());
        assertEquals("60.1703", order.total().amountText());
        assertEquals("EUR", order.total().currency());
        assertEquals(List.of("a", "b", "c"), order.lines().stream().map(OrderLine::productId).toList());
        assertEquals("SKU-a", order.lines().get(0).sku());
        assertEquals(0, new BigDecimal("59.97").compareTo(order.lines().get(0).lineTotal().amount()));
    }

    @Test
    void unknownProductsAre404NamingThemAndNothingIsWritten() {
        when(products.findAll(eq("t1"), anyCollection())).thenReturn(Map.of("a", product("a", "1.00", "EUR", 10)));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> service.place("t1", List.of(new RequestedLine("a", 1), new RequestedLine("x", 1), new RequestedLine("y", 1))));

        assertTrue(e.detail().contains("x, y"), e.detail());
        assertEquals("x", e.resourceId());
        verifyNoInteractions(orders);
    }

    @Test
    void mixedCurrenciesAre409() {
        when(products.findAll(eq("t1"), anyCollection())).thenReturn(Map.of(
                "a", product("a", "1.00", "EUR", 10), "b", product("b", "1.00", "USD", 10)));

        assertThrows(ConflictException.class,
                () -> service.place("t1", List.of(new RequestedLine("a", 1), new RequestedLine("b", 1))));
        verifyNoInteractions(orders);
    }

    @Test
    void visiblyShortStockIs409WithoutAWrite() {
        when(products.findAll(eq("t1"), anyCollection())).thenReturn(Map.of("a", product("a", "1.00", "EUR", 2)));

        ConflictException e = assertThrows(ConflictException.class, () -> service.place("t1", List.of(new RequestedLine("a", 3))));

        assertTrue(e.detail().contains("2 left"), e.detail());
        verifyNoInteractions(orders);
    }

    @Test
    void aPriceThatMovesDuringPlacementIsReadAgain() {
        when(products.findAll(eq("t1"), anyCollection()))
                .thenReturn(Map.of("a", product("a", "1.00", "EUR", 10)))
                .thenReturn(Map.of("a", product("a", "1.50", "EUR", 10)));
        when(orders.place(any())).thenThrow(new PriceChangedException("a")).thenAnswer(call -> call.getArgument(0));

        Order order = service.place("t1", List.of(new RequestedLine("a", 2)));

        assertEquals("3.00", order.total().amountText());
        verify(orders, times(2)).place(any());
    }

    @Test
    void pricesThatKeepMovingEndIn409() {
        when(products.findAll(eq("t1"), anyCollection())).thenReturn(Map.of("a", product("a", "1.00", "EUR", 10)));
        when(orders.place(any())).thenThrow(new PriceChangedException("a"));

        assertThrows(PriceChangedException.class, () -> service.place("t1", List.of(new RequestedLine("a", 1))));
        verify(orders, times(OrderService.PRICING_ATTEMPTS)).place(any());
    }

    @Test
    void confirmationSaysWhetherTheOrderIsConfirmedOrWasCancelledAndAMissingOrderIs404() {
        when(orders.confirm(eq("t1"), eq("o1"), any())).thenReturn(pending("o1", 2, OrderStatus.CONFIRMED));
        when(orders.confirm(eq("t1"), eq("gone"), any())).thenThrow(new ConflictException("The order was cancelled; it cannot be confirmed."));
        when(orders.confirm(eq("t1"), eq("none"), any())).thenThrow(new NotFoundException("No order with this id."));

        assertEquals(OrderService.Confirmation.CONFIRMED, service.confirm("t1", "o1"));
        assertEquals(OrderService.Confirmation.CANCELLED, service.confirm("t1", "gone"));
        assertThrows(NotFoundException.class, () -> service.confirm("t1", "none"));
        verify(orders).confirm("t1", "o1", NOW);
    }

    @Test
    void cancelChecksStateBeforeVersion() {
        when(orders.find("t1", "done")).thenReturn(Optional.of(pending("done", 5, OrderStatus.CANCELLED)));
        when(orders.find("t1", "live")).thenReturn(Optional.of(pending("live", 3, OrderStatus.CONFIRMED)));

        assertThrows(ConflictException.class, () -> service.cancel("t1", "done", 1));
        assertThrows(PreconditionFailedException.class, () -> service.cancel("t1", "live", 2));
        verify(orders, never()).cancel(any(), anyLong(), any());
    }

    @Test
    void cancelHandsTheStoredOrderAndExpectedVersionToTheRepository() {
        Order live = pending("live", 3, OrderStatus.PENDING);
        when(orders.find("t1", "live")).thenReturn(Optional.of(live));
        when(orders.cancel(any(), anyLong(), any())).thenAnswer(call -> call.getArgument(0));
        ArgumentCaptor<Order> captured = ArgumentCaptor.forClass(Order.class);

        service.cancel("t1", "live", 3);

        verify(orders).cancel(captured.capture(), eq(3L), eq(NOW));
        assertSame(live, captured.getValue(), "the lines to release are the stored ones, never the client's");
    }

    @Test
    void anUnknownOrderIs404() {
        when(orders.find("t1", "none")).thenReturn(Optional.empty());

        assertThrows(NotFoundException.class, () -> service.get("t1", "none"));
        assertThrows(NotFoundException.class, () -> service.cancel("t1", "none", 1));
    }
}
