package io.atrium.shared.domain.order;

import io.atrium.shared.error.ConflictException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lines of an order need more than their products have left: a 409 naming each line, and nothing is reserved.
 * The order service finds it on a fresh read, the repository when the stock moved before the write.
 */
public class NotEnoughStockException extends ConflictException {

    /** One line that cannot be served: its product, what the product has left and what the line needs. */
    public record Shortage(String productId, long left, long needed) {
    }

    public NotEnoughStockException(List<Shortage> shortages) {
        super("Not enough stock: " + shortages.stream()
                .map(s -> "product " + s.productId() + " has " + s.left() + " left, the order needs " + s.needed())
                .collect(Collectors.joining("; ")) + ". Nothing was reserved.");
    }
}
