package io.atrium.shared.domain.product;

import io.atrium.shared.domain.Money;
import java.time.Instant;

/**
 * A product in a tenant's catalog. {@code stock} is what can still be ordered: placing an order takes
 * from it and cancelling one puts it back, each in the same transaction as the order, and each moves
 * {@code version} on, so an If-Match written against an older stock level is refused.
 */
public record Product(
        String tenantId,
        String id,
        String sku,
        String name,
        Money price,
        long stock,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Product withDetails(String sku, String name, Money price, long stock, Instant now) {
        return new Product(tenantId, id, sku, name, price, stock, version, createdAt, now);
    }
}
