package io.atrium.shared.domain.order;

import io.atrium.shared.error.ConflictException;

/**
 * A product's price changed between pricing an order and writing it. The order service prices the
 * order again; if prices keep moving, the client sees a 409.
 */
public class PriceChangedException extends ConflictException {
    public PriceChangedException(String productId) {
        super("The price of product " + productId + " changed while the order was placed; place it again.");
    }
}
