package io.atrium.order.dto;

import io.atrium.shared.api.MoneyBody;
import java.util.List;

/** An order as the API shows it; no storage keys, no tenant internals. */
public record OrderResponse(
        String id,
        String status,
        List<OrderLineResponse> items,
        MoneyBody total,
        long version,
        String createdAt,
        String updatedAt) {
}
