package io.atrium.shared.domain.order;

import io.atrium.shared.domain.Money;

/**
 * One line of an order: the product as the catalog described it when the order was placed (sku, name,
 * unit price), the quantity reserved, and their product.
 */
public record OrderLine(String productId, String sku, String name, long quantity, Money unitPrice) {

    /** @throws io.atrium.shared.domain.AmountOutOfRangeException when it would pass 15 integer digits */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
