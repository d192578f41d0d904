package io.atrium.order.dto;

import io.atrium.shared.api.MoneyBody;

/** One line of an order as the API shows it: the product as it was priced when the order was placed. */
public record OrderLineResponse(String productId, String sku, String name, long quantity, MoneyBody unitPrice,
                                MoneyBody lineTotal) {
}
