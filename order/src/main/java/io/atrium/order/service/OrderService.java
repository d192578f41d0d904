package io.atrium.order.service;

import io.atrium.shared.domain.tenant.OwnedIds;
import io.atrium.shared.domain.order.NotEnoughStockException;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.domain.order.OrderCancelledException;
import io.atrium.shared.domain.order.OrderLine;
import io.atrium.shared.domain.order.OrderRepository;
import io.atrium.shared.domain.order.OrderStatus;
import io.atrium.shared.domain.order.PriceChangedException;
import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.product.ProductRepository;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Listing;
import io.atrium.shared.paging.Paginator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The order rules; knows nothing of HTTP. Prices come from the catalog; stock is taken and given back by
 * the repository in the same transaction as the order, so the checks here only spare a doomed write.
 */
public final class OrderService {
    /** How often an order is priced again when a product's price moves between pricing and writing it. */
    static final int PRICING_ATTEMPTS = 3;

    private final ProductRepository products;
    private final OrderRepository orders;
    private final Paginator paginator;
    private final OwnedIds ids;
    private final Clock clock;

    /** What the order worker's confirmation found. */
    public enum Confirmation {
        /** The order is CONFIRMED now (or was already: a redelivered message changes nothing). */
        CONFIRMED,
        /** A cancel won the race: the order stays CANCELLED and its message is done, not retried. */
        CANCELLED
    }

    public OrderService(ProductRepository products, OrderRepository orders, Paginator paginator, OwnedIds ids, Clock clock) {
        this.products = products;
        this.orders = orders;
        this.paginator = paginator;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Places a PENDING order for {@code requested} (distinct products, validated by the caller) at the
     * catalog's current prices, reserving the stock of every line or none.
     */
    public Order place(String tenantId, List<RequestedLine> requested) {
        for (int attempt = 1; ; attempt++) {
            Order order = price(tenantId, requested);
            try {
                // The orders table's stream hands it to the order queue (ADR 0403): nothing to send here.
                return orders.place(order);
            } catch (PriceChangedException e) {
                if (attempt == PRICING_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Order get(String tenantId, String orderId) {
        return orders.find(tenantId, orderId).orElseThrow(() -> NotFoundException.noSuch("order"));
    }

    public Listing<Order> list(String tenantId, Optional<OrderStatus> status, int limit, Optional<String> nextToken) {
        String query = "orders?status=" + status.map(Enum::name).orElse("") + "&limit=" + limit;
        return paginator.page(tenantId, query, nextToken, startKey -> orders.list(tenantId, status, limit, startKey));
    }

    /**
     * Cancels a PENDING or CONFIRMED order and puts its stock back. A cancelled order is a 409 whatever the
     * If-Match, since no version of it could be cancelled again.
     */
    public Order cancel(String tenantId, String orderId, long expectedVersion) {
        Order current = get(tenantId, orderId);
        if (!current.status().isCancellable()) {
            throw new OrderCancelledException();
        }
        if (current.version() != expectedVersion) {
            throw PreconditionFailedException.versionMoved("order");
        }
        return orders.cancel(current, expectedVersion, now());
    }

    /**
     * For the order worker: PENDING -> CONFIRMED, conditionally, so a repeat changes nothing and a cancelled
     * order is never confirmed.
     * @throws NotFoundException when the tenant has no such order (the worker fails that message)
     */
    public Confirmation confirm(String tenantId, String orderId) {
        try {
            orders.confirm(tenantId, orderId, now());
            return Confirmation.CONFIRMED;
        } catch (ConflictException cancelled) {
            return Confirmation.CANCELLED;
        }
    }

    private Order price(String tenantId, List<RequestedLine> requested) {
        List<String> productIds = requested.stream().map(RequestedLine::productId).toList();
        Map<String, Product> found = products.findAll(tenantId, productIds);
        List<String> missing = productIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            // The first id is handed on so a reference to another tenant's product is logged as such.
            throw new NotFoundException((missing.size() == 1 ? "No product with id " : "No products with ids ")
                    + String.join(", ", missing) + ".", missing.get(0));
        }
        TreeSet<String> currencies = new TreeSet<>();
        found.values().forEach(p -> currencies.add(p.price().currency()));
        if (currencies.size() > 1) {
            throw new ConflictException("The products are priced in different currencies (" + String.join(", ", currencies)
                    + "); one order has one currency.");
        }
        List<OrderLine> lines = new ArrayList<>();
        List<NotEnoughStockException.Shortage> shortages = new ArrayList<>();
        for (RequestedLine line : requested) {
            Product product = found.get(line.productId());
            if (product.stock() < line.quantity()) {
                shortages.add(new NotEnoughStockException.Shortage(product.id(), product.stock(), line.quantity()));
            }
            lines.add(new OrderLine(product.id(), product.sku(), product.name(), line.quantity(), product.price()));
        }
        if (!shortages.isEmpty()) {
            throw new NotEnoughStockException(shortages);
        }
        Instant now = now();
        return new Order(tenantId, ids.newId("ord", tenantId), OrderStatus.PENDING, lines, Order.totalOf(lines), 1, now, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
