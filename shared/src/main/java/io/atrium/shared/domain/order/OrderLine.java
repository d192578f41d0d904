package io.atrium.shared.domain.order;

import io.atrium.shared.domain.Money;
import java.math.BigDecimal;

/**
 * One line of an order: the product as the catalog described it when the order was placed (sku, name,
 * unit price), the quantity reserved, and their product.
 */
public record OrderLine(String productId, String sku, String name, long quantity, Money unitPrice) {

    public Money lineTotal() {
        return new Money(unitPrice.amount().multiply(BigDecimal.valueOf(quantity)), unitPrice.currency());
    }
}
