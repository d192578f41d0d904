package io.atrium.shared.domain.order;

import io.atrium.shared.paging.Page;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Orders of a tenant, written in one transaction with the stock of the products they reserve. Every
 * method takes the tenant id; none accepts a storage key from a client.
 */
public interface OrderRepository {

    /** Most lines an order may have: a DynamoDB transaction holds 100 items, one of which is the order. */
    int MAX_LINES = 99;

    /**
     * Stores a new PENDING order and takes each line's quantity from its product's stock, all or nothing.
     * Each product must still have the unit price and currency the line carries.
     * @throws io.atrium.shared.error.ConflictException when a product has less stock than its line needs
     *         (nothing is reserved)
     * @throws PriceChangedException when a product's price changed since the lines were priced
     * @throws io.atrium.shared.error.NotFoundException when a product no longer exists
     */
    Order place(Order order);

    Optional<Order> find(String tenantId, String orderId);

    /**
     * Newest first, all orders or those in {@code status}; {@code startKey} comes from an opened page
     * token, or is empty for the first page.
     */
    Page<Order> list(String tenantId, Optional<OrderStatus> status, int limit, Map<String, String> startKey);

    /**
     * Moves the order to CANCELLED and puts each line's quantity back on its product, in one transaction,
     * if its version is still {@code expectedVersion} and it is PENDING or CONFIRMED.
     * @throws io.atrium.shared.error.NotFoundException when it does not exist for the tenant
     * @throws io.atrium.shared.error.ConflictException when it is already cancelled
     * @throws io.atrium.shared.error.PreconditionFailedException when the version moved on
     */
    Order cancel(Order order, long expectedVersion, Instant now);

    /**
     * Moves a PENDING order to CONFIRMED (for the order worker); an order that is already CONFIRMED is
     * returned as it is, so a redelivered message changes nothing.
     * @throws io.atrium.shared.error.NotFoundException when it does not exist for the tenant
     * @throws io.atrium.shared.error.ConflictException when it was cancelled
     */
    Order confirm(String tenantId, String orderId, Instant now);
}
