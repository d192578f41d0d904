package io.atrium.shared.domain.order;

import io.atrium.shared.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order of one tenant. Its lines never change after it is placed, so releasing its stock on cancel
 * puts back exactly what placing it took.
 */
public record Order(
        String tenantId,
        String id,
        OrderStatus status,
        List<OrderLine> lines,
        Money total,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        lines = List.copyOf(lines);
    }

    /**
     * The sum of the lines' totals, in decimals; every line has the same currency.
     * @throws io.atrium.shared.domain.AmountOutOfRangeException when a line's total or the sum would pass 15 integer digits
     */
    public static Money totalOf(List<OrderLine> lines) {
        Money total = Money.zero(lines.get(0).unitPrice().currency());
        for (OrderLine line : lines) {
            total = total.plus(line.lineTotal());
        }
        return total;
    }
}
