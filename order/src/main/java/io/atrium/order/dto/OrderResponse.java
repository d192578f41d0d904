package io.atrium.order.dto;

import java.util.List;

/** An order as the API shows it; no storage keys, no tenant internals. */
public record OrderResponse(
        String id,
        String status,
        List<OrderLineResponse> items,
        MoneyDto total,
        long version,
        String createdAt,
        String updatedAt) {
}
